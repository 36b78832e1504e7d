<?xml version="1.0" encoding="UTF-8"?>
<!-- Layout: blocks, lines, word boundaries, milestones, text nodes. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- A block (blank line), line (new line) or word boundary around the element; then the
       element's own handling (a sign, or its children). -->
  <xsl:template match="*[exists(tk:break-kind(.))]" priority="10">
    <xsl:variable name="marker" as="xs:string" select="map{
      'block': $tk:BLOCK, 'line': $tk:LINE, 'space': $tk:SPACE}(tk:break-kind(.))"/>
    <xsl:value-of select="$marker"/>
    <xsl:next-match/>
    <xsl:value-of select="$marker"/>
  </xsl:template>

  <!-- Milestones: a word boundary, unless they break a word (@break="no"). -->
  <xsl:template match="lb | pb | cb">
    <xsl:if test="not(tk:is-word-internal-break(.))">
      <xsl:value-of select="$tk:SPACE"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="tk:text-value(.)"/>
  </xsl:template>
</xsl:stylesheet>
