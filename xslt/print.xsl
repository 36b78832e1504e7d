<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition of one TEI document: HTML for CSS Paged Media (laid out by
     WeasyPrint into a PDF, see toolkit/pdf.py).
     Print is the HTML reading edition with a print profile: it imports html.xsl, so every
     element and every editorial sign is rendered by the same templates as on screen, and
     overrides only what paper needs (one reading instead of a toggle, notes as footnotes at
     the foot of the page, a title page, back matter with page references).
     Entry stylesheet: it only imports and includes modules. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="html.xsl"/>
  <xsl:include href="print/params.xsl"/>
  <xsl:include href="print/page.xsl"/>
  <xsl:include href="print/notes.xsl"/>
  <xsl:include href="print/signs.xsl"/>
  <xsl:include href="print/backmatter.xsl"/>
  <xsl:include href="print/spaces.xsl"/>
</xsl:stylesheet>
