<?xml version="1.0" encoding="UTF-8"?>
<!-- Message text: literal text kept (as xsl:text), value-of and name evaluated. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:axsl="urn:teikit:ns:axsl"
                xmlns:tk="urn:teikit:ns"
                exclude-result-prefixes="#all">

  <!-- Unknown elements (sch:emph, sch:dir, sch:span, foreign markup) keep their text. -->
  <xsl:mode name="tk:text" on-multiple-match="fail" on-no-match="shallow-skip"/>

  <xsl:template match="text()" mode="tk:text">
    <axsl:text><xsl:value-of select="."/></axsl:text>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="tk:text">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <axsl:value-of select="{tk:attr(@select, $params)}"/>
  </xsl:template>

  <xsl:template match="sch:name" mode="tk:text">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <axsl:value-of select="name({if (@path) then tk:attr(@path, $params) else '.'})"/>
  </xsl:template>
</xsl:stylesheet>
