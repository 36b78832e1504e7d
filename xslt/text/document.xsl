<?xml version="1.0" encoding="UTF-8"?>
<!-- Document level: mode check, title line, what is not part of the text. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:if test="not($mode = $tk:modes)">
      <xsl:sequence select="tk:check-mode($mode)"/>
    </xsl:if>
    <xsl:variable name="raw" as="xs:string">
      <xsl:value-of><xsl:apply-templates/><xsl:call-template name="tk:text-legend"/></xsl:value-of>
    </xsl:variable>
    <xsl:value-of select="tk:layout($raw) || '&#10;'"/>
  </xsl:template>

  <!-- Of the header only the title line is output. -->
  <xsl:template match="teiHeader">
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:apply-templates select="(fileDesc/titleStmt/title)[1]/node()"/>
    <xsl:value-of select="$tk:BLOCK"/>
  </xsl:template>

  <!-- Not part of the text. -->
  <xsl:template match="standOff | facsimile | sourceDoc"/>
</xsl:stylesheet>
