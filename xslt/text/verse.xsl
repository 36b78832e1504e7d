<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse lines in plain text: each on its own line, indented as its plain @rend asks, its
     number (common/lines.xsl) after it every fifth line, set off by figure spaces (which the
     layout keeps). Named template: tk:text-verse-line. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template name="tk:text-verse-line">
    <xsl:variable name="n" as="xs:string?" select="tk:line-number(.)"/>
    <xsl:value-of select="$tk:LINE || string-join((1 to 4 * tk:indent(.)) ! '&#x2007;', '')"/>
    <xsl:next-match/>
    <xsl:if test="exists($n)"><xsl:value-of select="'&#x2007;&#x2007;&#x2007;' || $n"/></xsl:if>
    <xsl:value-of select="$tk:LINE"/>
  </xsl:template>
</xsl:stylesheet>
