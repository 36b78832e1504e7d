<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: a citation of a TEI document, built from its teiHeader.

  The canonical record is CSL-JSON (cite/record.xsl); every style formats that record
  (one module per style). Parameters:
    style     chicago-note | chicago-bib | mla | apa | bibtex | ris | csl-json, or several
              of them separated by spaces: the result is then a JSON object, style -> text
    accessed  ISO date (YYYY-MM-DD) of access; empty = today
    base-url  URL of the document; empty = no URL
    publisher the publisher when the header names none; empty = none
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:param name="style" as="xs:string" select="'csl-json'"/>
  <xsl:param name="accessed" as="xs:string" select="''"/>
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- the publisher cited when the header names none (teikit.toml [citation] publisher) -->
  <xsl:param name="publisher" as="xs:string" select="''"/>

  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="cite/main.xsl"/>
  <xsl:include href="cite/text.xsl"/>
  <xsl:include href="cite/record.xsl"/>
  <xsl:include href="cite/names-dates.xsl"/>
  <xsl:include href="cite/chicago.xsl"/>
  <xsl:include href="cite/mla.xsl"/>
  <xsl:include href="cite/apa.xsl"/>
  <xsl:include href="cite/bibtex.xsl"/>
  <xsl:include href="cite/ris.xsl"/>
</xsl:stylesheet>
