<?xml version="1.0" encoding="UTF-8"?>
<!-- The tei metadata format: the document's teiHeader, copied whole. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:mode on-multiple-match="fail" on-no-match="shallow-skip"/>
  <xsl:output method="xml" indent="no" omit-xml-declaration="yes"/>

  <xsl:template match="/" as="element(tei:teiHeader)">
    <xsl:variable name="h" as="element(tei:teiHeader)" select="tk:header(.)"/>
    <xsl:copy-of select="$h"/>
  </xsl:template>
</xsl:stylesheet>
