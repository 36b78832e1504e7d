<?xml version="1.0" encoding="UTF-8"?>
<!-- The schema: checks the query binding, writes the generated stylesheet's frame. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
                xmlns:axsl="urn:teikit:ns:axsl"
                xmlns:tkv="urn:teikit:ns:svrl"
                xmlns:tk="urn:teikit:ns"
                exclude-result-prefixes="#all">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>
  <xsl:mode on-multiple-match="fail" on-no-match="fail"/>

  <!-- #DEFAULT (the schema's defaultPhase, else all patterns), #ALL, or a phase id. -->
  <xsl:param name="phase" as="xs:string" select="'#DEFAULT'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="sch:schema"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:sequence select="error(xs:QName('tk:E0300'),
        'not a Schematron schema: the root is ' || name(.) || ' in namespace '
        || namespace-uri(.))"/>
  </xsl:template>

  <xsl:template match="sch:schema">
    <xsl:variable name="binding" as="xs:string" select="lower-case(string(@queryBinding))"/>
    <xsl:if test="not($binding = $tk:bindings)">
      <xsl:sequence select="error(xs:QName('tk:E0301'),
          'unsupported queryBinding ' || $binding || ' (supported: xslt2, xslt3, xpath2, '
          || 'xpath3, xpath31; default and xslt run with XPath 3.1)')"/>
    </xsl:if>
    <xsl:if test="exists(.//sch:include | .//sch:extends[@href])">
      <xsl:sequence select="error(xs:QName('tk:E0302'),
          'sch:include and extends/@href are not supported: assemble the schema first')"/>
    </xsl:if>
    <xsl:variable name="patterns" as="element(sch:pattern)*"
                  select="tk:active-patterns(., $phase)"/>
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      <xsl:namespace name="svrl" select="'http://purl.oclc.org/dsdl/svrl'"/>
      <xsl:namespace name="tkv" select="'urn:teikit:ns:svrl'"/>
      <xsl:namespace name="err" select="'http://www.w3.org/2005/xqt-errors'"/>
      <xsl:for-each select="sch:ns[not(@prefix = ('xs', 'svrl', 'tkv', 'err', 'xsl'))]">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <axsl:output method="xml" indent="no"/>
      <axsl:mode on-multiple-match="fail" on-no-match="shallow-skip"/>
      <xsl:apply-templates select="sch:let | sch:phase[@id = tk:chosen-phase(current(), $phase)]/sch:let" mode="tk:global">
        <xsl:with-param name="params" select="map{}" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="tk:path-function"/>
      <!-- candidate nodes of selectable patterns (tk:pattern-select) -->
      <axsl:key name="tkv:el" match="*" use="local-name()"/>
      <axsl:key name="tkv:at" match="*" use="@* ! local-name()"/>
      <axsl:template match="/">
        <!-- the element names of the document: a pattern that must be traversed but whose
             rules name none of them cannot fire, and its traversal is skipped -->
        <axsl:variable name="tkv:names" as="xs:string*"
            select="distinct-values(descendant::*!local-name())"/>
        <svrl:schematron-output schemaVersion="{@schemaVersion}" phase="{$phase}">
          <xsl:for-each select="$patterns">
            <xsl:variable name="names" as="xs:string*" select="tk:pattern-names(.)"/>
            <xsl:variable name="select" as="xs:string?" select="tk:pattern-select(.)"/>
            <xsl:variable name="list" as="xs:string"
                select="string-join($names ! concat('&quot;', ., '&quot;'), ', ')"/>
            <svrl:active-pattern id="{(@id, 'P' || position())[1]}"/>
            <xsl:choose>
              <xsl:when test="exists($select)">
                <axsl:apply-templates select="{$select}" mode="tkv:M{position()}"/>
              </xsl:when>
              <xsl:when test="$names = '*'">
                <axsl:apply-templates select="." mode="tkv:M{position()}"/>
              </xsl:when>
              <xsl:otherwise>
                <axsl:if test="$tkv:names = ({$list})">
                  <axsl:apply-templates select="." mode="tkv:M{position()}"/>
                </axsl:if>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </svrl:schematron-output>
      </axsl:template>
      <xsl:for-each select="$patterns">
        <xsl:apply-templates select="." mode="tk:pattern">
          <xsl:with-param name="mode" select="'tkv:M' || position()"/>
          <xsl:with-param name="selected" select="exists(tk:pattern-select(.))"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <!-- Schema-, phase- and pattern-level lets become global variables (context: the document). -->
  <xsl:mode name="tk:global" on-multiple-match="fail" on-no-match="fail"/>
  <xsl:template match="sch:let" mode="tk:global">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <axsl:variable name="{@name}" as="item()*">
      <xsl:call-template name="tk:let-value"/>
    </axsl:variable>
  </xsl:template>

  <!-- A let's value: @value, or its content (copied as a constant). -->
  <xsl:template name="tk:let-value">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="@value">
        <xsl:attribute name="select" select="tk:attr(@value, $params)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="node()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The SVRL location of a node: an XPath 1.0 path with positional predicates. -->
  <xsl:template name="tk:path-function">
    <axsl:function name="tkv:path" as="xs:string">
      <axsl:param name="n" as="node()"/>
      <axsl:sequence select="if ($n instance of document-node()) then '/'
          else string-join(for $a in $n/ancestor-or-self::node()[not(. instance of document-node())]
                           return tkv:step($a), '')"/>
    </axsl:function>
    <axsl:function name="tkv:step" as="xs:string">
      <axsl:param name="a" as="node()"/>
      <axsl:variable name="test" as="xs:string"
          select="'[local-name()=''' || local-name($a) || ''' and namespace-uri()='''
                  || namespace-uri($a) || ''']'"/>
      <axsl:sequence select="
          if ($a instance of attribute()) then '/@*' || $test
          else if ($a instance of element()) then '/*' || $test || '['
            || count($a/preceding-sibling::*[node-name(.) eq node-name($a)]) + 1 || ']'
          else if ($a instance of text()) then '/text()['
            || count($a/preceding-sibling::text()) + 1 || ']'
          else if ($a instance of comment()) then '/comment()['
            || count($a/preceding-sibling::comment()) + 1 || ']'
          else '/processing-instruction()['
            || count($a/preceding-sibling::processing-instruction()) + 1 || ']'"/>
    </axsl:function>
  </xsl:template>
</xsl:stylesheet>
