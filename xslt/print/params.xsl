<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the print edition (the HTML parameters are inherited from html.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <!-- 'reading' (corrected, expanded; the default) or 'diplomatic' (as the source shows it);
       any other value raises tk:E0001 (common/functions.xsl) -->
  <xsl:param name="mode" as="xs:string" select="'reading'"/>
  <!-- the legend describes paper: one reading, footnotes, no links (html/signs.xsl) -->
  <xsl:variable name="tk:html-medium" as="xs:string" select="'print'"
      xmlns:tk="urn:teikit:ns"/>
  <xsl:variable name="tk:html-modes" as="xs:string+" select="$mode"
      xmlns:tk="urn:teikit:ns"/>
</xsl:stylesheet>
