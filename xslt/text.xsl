<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit plain-text output of a TEI document.
  Parameter: mode = 'reading' (default) | 'diplomatic'   (see text/params.xsl)
  This entry stylesheet only includes modules.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="common/signs.xsl"/>
  <xsl:include href="common/behaviours.xsl"/>
  <xsl:include href="common/lines.xsl"/>
  <xsl:include href="common/apparatus.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="text/params.xsl"/>
  <xsl:include href="text/document.xsl"/>
  <xsl:include href="text/blocks.xsl"/>
  <xsl:include href="text/signs.xsl"/>
  <xsl:include href="text/notes.xsl"/>
  <xsl:include href="text/registers.xsl"/>
  <xsl:include href="text/verse.xsl"/>
  <xsl:include href="text/apparatus.xsl"/>
</xsl:stylesheet>
