<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial signs in the running text; marks and placement come from common/signs.xsl. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- choice: only the branch the mode shows; the others go to the apparatus. -->
  <xsl:template match="choice" priority="6">
    <xsl:apply-templates select="tk:choice-shown(., $mode)"/>
  </xsl:template>

  <!-- note: inline between its marks, or an anchor to its endnote, or nothing (apparatus). -->
  <xsl:template match="note" priority="6">
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="placement" as="xs:string" select="tk:sign-placement(., $mode)"/>
    <xsl:if test="$placement = 'inline'">
      <xsl:value-of select="tk:sign-open($kind, $mode)"/>
      <xsl:apply-templates/>
      <xsl:value-of select="tk:sign-close($kind, $mode)"/>
    </xsl:if>
    <xsl:if test="$placement = 'endnote'">
      <xsl:value-of select="tk:sign-open($kind, $mode) || tk:note-number(., $mode) || tk:sign-close($kind, $mode)"/>
    </xsl:if>
  </xsl:template>

  <!-- Every other sign (supplied, gloss, attribution, archival-ref, ex, gap, unclear):
       the names tk:sign-candidates lists but choice and note, which have rules above
       (matched by name, so that other elements are not asked for a sign kind). -->
  <xsl:template match="(ex | supplied | gloss | bibl | gap | unclear)[exists(tk:sign-kind(.))]"
                priority="5">
    <xsl:if test="tk:sign-placement(., $mode) = 'inline'">
      <xsl:value-of select="tk:sign-mark(., $mode, 'open')"/>
      <xsl:apply-templates/>
      <xsl:value-of select="tk:sign-mark(., $mode, 'close')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
