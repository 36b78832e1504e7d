<?xml version="1.0" encoding="UTF-8"?>
<!-- Every mode of the HTML stylesheets, declared once. The unnamed mode renders the
     text; an element without a rule degrades to its text. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tk="urn:teikit:ns">
  <xsl:mode on-multiple-match="fail" on-no-match="text-only-copy" use-accumulators="#all"/>
  <!-- the footnote list: each note's body -->
  <xsl:mode name="tk:footnote" on-multiple-match="fail" on-no-match="shallow-skip"/>
  <!-- plain text of the diplomatic reading (for tooltips and inline translator notes) -->
  <xsl:mode name="tk:dipl-text" on-multiple-match="fail" on-no-match="text-only-copy"/>
  <!-- plain text of the reading text -->
  <xsl:mode name="tk:read-text" on-multiple-match="fail" on-no-match="text-only-copy"/>
  <!-- header fields rendered as inline HTML without links or ids -->
  <xsl:mode name="tk:header" on-multiple-match="fail" on-no-match="text-only-copy"/>
</xsl:stylesheet>
