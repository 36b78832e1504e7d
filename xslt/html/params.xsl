<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the HTML page: where the shared pages and assets are, what is known
     about publication (base URL, PDF), and the citations computed by toolkit.cite. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <!-- relative link to the register page (entities link to its anchors); empty: no links -->
  <xsl:param name="register-href" as="xs:string" select="''"/>
  <!-- relative link to the home page; empty: no link -->
  <xsl:param name="home-href" as="xs:string" select="''"/>
  <!-- folder of edition.css / edition.js; ignored when css/js are given inline -->
  <xsl:param name="assets-href" as="xs:string" select="'assets/'"/>
  <!-- inline stylesheet and script (a standalone page); empty: link to assets-href -->
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="js" as="xs:string" select="''"/>
  <!-- the page's public URL; empty: no URL is claimed -->
  <xsl:param name="public-url" as="xs:string" select="''"/>
  <!-- absolute URL of the PDF of this document (citation_pdf_url); empty: none claimed -->
  <xsl:param name="pdf-url" as="xs:string" select="''"/>
  <!-- link to the PDF for the reader (relative in a built site); empty: no link -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <!-- citations as JSON: {"styles": [{"style", "label", "text"}], "files": {"bibtex": href}} -->
  <xsl:param name="citations" as="xs:string" select="''"/>
  <!-- a page of a built site: the header starts with a slot the site build fills (the
       edition's bar, previous/next, the Download menu: toolkit/site/chrome.py) in place of
       the home and PDF links -->
  <xsl:param name="site-slot" as="xs:boolean" select="false()"/>
  <!-- the medium: 'screen' here, 'print' in the print edition (print/params.xsl) -->
  <xsl:variable name="tk:html-medium" as="xs:string" select="'screen'"
      xmlns:tk="urn:teikit:ns"/>
  <!-- the readings the page shows (and its legend describes) -->
  <xsl:variable name="tk:html-modes" as="xs:string+" select="('diplomatic', 'reading')"
      xmlns:tk="urn:teikit:ns"/>
</xsl:stylesheet>
