<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML reading edition of one TEI document: a parallel, annotated page.
     Entry stylesheet: it only includes modules (xslt/html/*.xsl, xslt/common/*.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="common/signs.xsl"/>
  <xsl:include href="common/behaviours.xsl"/>
  <xsl:include href="common/lines.xsl"/>
  <xsl:include href="common/apparatus.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="html/params.xsl"/>
  <xsl:include href="html/modes.xsl"/>
  <xsl:include href="html/functions.xsl"/>
  <xsl:include href="html/page.xsl"/>
  <xsl:include href="html/meta.xsl"/>
  <xsl:include href="html/header.xsl"/>
  <xsl:include href="html/blocks.xsl"/>
  <xsl:include href="html/parallel.xsl"/>
  <xsl:include href="html/signs.xsl"/>
  <xsl:include href="html/notes.xsl"/>
  <xsl:include href="html/entities.xsl"/>
  <xsl:include href="html/cite.xsl"/>
  <xsl:include href="html/registers.xsl"/>
  <xsl:include href="html/verse.xsl"/>
  <xsl:include href="html/tables.xsl"/>
  <xsl:include href="html/apparatus.xsl"/>
</xsl:stylesheet>
