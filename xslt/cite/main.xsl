<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point of cite.xsl: build the CSL-JSON record, hand it to the chosen style (or
     to each of several styles, the result then a JSON object of texts by style). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="header" as="element(tei:teiHeader)?"
        select="(tei:TEI, tei:teiCorpus)/tei:teiHeader"/>
    <xsl:if test="empty($header)">
      <xsl:sequence select="error(xs:QName('tk:E0301'),
        'not a TEI document with a teiHeader: nothing to cite')"/>
    </xsl:if>
    <xsl:variable name="record" as="map(*)"
        select="tk:csl-record($header, tk:accessed-date($accessed), $base-url)"/>
    <xsl:variable name="styles" as="xs:string*" select="tokenize($style)"/>
    <xsl:value-of select="if (count($styles) eq 1) then tk:format($record, $styles)
        else serialize(map:merge($styles ! map{.: tk:format($record, .)}),
                       map{'method': 'json'})"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:template>

  <!-- The accessed date: the given ISO date, or today. -->
  <xsl:function name="tk:accessed-date" as="xs:date">
    <xsl:param name="given" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$given = ''">
        <xsl:sequence select="current-date()"/>
      </xsl:when>
      <xsl:when test="$given castable as xs:date and matches($given, '^\d{4}-\d{2}-\d{2}$')">
        <xsl:sequence select="xs:date($given)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(xs:QName('tk:E0302'),
          'accessed must be an ISO date YYYY-MM-DD, got: ' || $given)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Dispatch to the style modules. -->
  <xsl:function name="tk:format" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="style" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$style = 'csl-json'">
        <xsl:sequence select="serialize(array {$r},
            map {'method': 'json', 'indent': true()})"/>
      </xsl:when>
      <xsl:when test="$style = 'chicago-note'"><xsl:sequence select="tk:chicago-note($r)"/></xsl:when>
      <xsl:when test="$style = 'chicago-bib'"><xsl:sequence select="tk:chicago-bib($r)"/></xsl:when>
      <xsl:when test="$style = 'mla'"><xsl:sequence select="tk:mla($r)"/></xsl:when>
      <xsl:when test="$style = 'apa'"><xsl:sequence select="tk:apa($r)"/></xsl:when>
      <xsl:when test="$style = 'bibtex'"><xsl:sequence select="tk:bibtex($r)"/></xsl:when>
      <xsl:when test="$style = 'ris'"><xsl:sequence select="tk:ris($r)"/></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(xs:QName('tk:E0303'), 'unknown citation style: ' || $style)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
