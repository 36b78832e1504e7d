<?xml version="1.0" encoding="UTF-8"?>
<!--
  Patterns: each active pattern becomes one mode of the generated stylesheet that visits
  every node, or only the candidate nodes found by keys when its rule contexts allow it
  (tk:pattern-select: the mode then deep-skips and rules do not recurse); its rules become
  templates whose priorities follow document order, so the first rule whose context
  matches a node is the one that fires (ISO Schematron 6.5).
  Abstract patterns are instantiated (is-a) with their parameters substituted.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:axsl="urn:teikit:ns:axsl"
                xmlns:tk="urn:teikit:ns"
                exclude-result-prefixes="#all">

  <xsl:mode name="tk:pattern" on-multiple-match="fail" on-no-match="fail"/>
  <xsl:mode name="tk:pattern-body" on-multiple-match="fail" on-no-match="fail"/>

  <xsl:template match="sch:pattern[@is-a]" mode="tk:pattern">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:param name="selected" as="xs:boolean" required="yes"/>
    <xsl:variable name="abstract" as="element(sch:pattern)*"
                  select="../sch:pattern[@abstract = 'true'][@id = current()/@is-a]"/>
    <xsl:if test="count($abstract) ne 1">
      <xsl:sequence select="error(xs:QName('tk:E0305'),
          'pattern ' || @id || ': no (single) abstract pattern with id ' || @is-a)"/>
    </xsl:if>
    <xsl:apply-templates select="$abstract" mode="tk:pattern-body">
      <xsl:with-param name="mode" select="$mode"/>
      <xsl:with-param name="selected" select="$selected"/>
      <xsl:with-param name="params" tunnel="yes" as="map(xs:string, xs:string)"
                      select="map:merge(sch:param ! map:entry(string(@name), string(@value)))"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="sch:pattern" mode="tk:pattern">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:param name="selected" as="xs:boolean" required="yes"/>
    <xsl:apply-templates select="." mode="tk:pattern-body">
      <xsl:with-param name="mode" select="$mode"/>
      <xsl:with-param name="selected" select="$selected"/>
      <xsl:with-param name="params" tunnel="yes" as="map(xs:string, xs:string)" select="map{}"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="sch:pattern" mode="tk:pattern-body">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:param name="selected" as="xs:boolean" required="yes"/>
    <axsl:mode name="{$mode}" on-multiple-match="fail"
               on-no-match="{if ($selected) then 'deep-skip' else 'shallow-skip'}"/>
    <xsl:apply-templates select="sch:let" mode="tk:global"/>
    <xsl:variable name="rules" as="element(sch:rule)*" select="sch:rule[not(@abstract = 'true')]"/>
    <xsl:for-each select="$rules">
      <xsl:apply-templates select="." mode="tk:rule">
        <xsl:with-param name="mode" select="$mode"/>
        <xsl:with-param name="priority" select="count($rules) - position() + 1"/>
        <xsl:with-param name="recurse" select="not($selected)"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
