<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rules: one template per rule; lets become variables, asserts and reports become tests that
  write svrl:failed-assert / svrl:successful-report with the node's location. A rule whose
  expressions raise a dynamic error reports that error instead of stopping the whole run.
  Abstract rules are inlined where a rule extends them.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
                xmlns:axsl="urn:teikit:ns:axsl"
                xmlns:tk="urn:teikit:ns"
                exclude-result-prefixes="#all">

  <xsl:mode name="tk:rule" on-multiple-match="fail" on-no-match="fail"/>
  <xsl:mode name="tk:check" on-multiple-match="fail" on-no-match="deep-skip"/>

  <xsl:template match="sch:rule" mode="tk:rule">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:param name="priority" as="xs:integer"/>
    <xsl:param name="recurse" as="xs:boolean"/>
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <xsl:if test="not(normalize-space(@context))">
      <xsl:sequence select="error(xs:QName('tk:E0304'), 'a rule without @context')"/>
    </xsl:if>
    <xsl:variable name="context" as="xs:string" select="tk:attr(@context, $params)"/>
    <axsl:template match="{$context}" mode="{$mode}" priority="{$priority}">
      <axsl:try>
        <xsl:apply-templates select="*" mode="tk:check">
          <xsl:with-param name="rule" select="." tunnel="yes"/>
        </xsl:apply-templates>
        <axsl:catch>
          <svrl:failed-assert test="{tk:avt-escape($context)}" role="error"
                              id="{tk:avt-escape(string((@id, 'rule-error')[1]))}"
                              location="{{tkv:path(.)}}">
            <svrl:text>
              <axsl:text>rule </axsl:text>
              <axsl:value-of select="'{replace($context, '''', '''''')}'"/>
              <axsl:text> could not be evaluated: </axsl:text>
              <axsl:value-of select="$err:description"/>
            </svrl:text>
          </svrl:failed-assert>
        </axsl:catch>
      </axsl:try>
      <xsl:if test="$recurse">
        <axsl:apply-templates select="@*|node()" mode="#current"/>
      </xsl:if>
    </axsl:template>
  </xsl:template>

  <xsl:template match="sch:let" mode="tk:check">
    <axsl:variable name="{@name}" as="item()*">
      <xsl:call-template name="tk:let-value"/>
    </axsl:variable>
  </xsl:template>

  <xsl:template match="sch:extends[@rule]" mode="tk:check">
    <xsl:variable name="base" as="element(sch:rule)*"
                  select="root(.)//sch:rule[@abstract = 'true'][@id = current()/@rule]"/>
    <xsl:if test="count($base) ne 1">
      <xsl:sequence select="error(xs:QName('tk:E0306'),
          'extends: no (single) abstract rule with id ' || @rule)"/>
    </xsl:if>
    <xsl:apply-templates select="$base/*" mode="tk:check"/>
  </xsl:template>

  <xsl:template match="sch:assert" mode="tk:check">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <axsl:if test="not({tk:attr(@test, $params)})">
      <svrl:failed-assert>
        <xsl:call-template name="tk:result"/>
      </svrl:failed-assert>
    </axsl:if>
  </xsl:template>

  <xsl:template match="sch:report" mode="tk:check">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <axsl:if test="{tk:attr(@test, $params)}">
      <svrl:successful-report>
        <xsl:call-template name="tk:result"/>
      </svrl:successful-report>
    </axsl:if>
  </xsl:template>

  <!-- Attributes and content of an SVRL result (context: the assert or report). -->
  <xsl:template name="tk:result">
    <xsl:param name="params" as="map(xs:string, xs:string)" tunnel="yes"/>
    <xsl:param name="rule" as="element(sch:rule)" tunnel="yes"/>
    <xsl:attribute name="test" select="tk:avt-escape(tk:attr(@test, $params))"/>
    <xsl:attribute name="location">{tkv:path(.)}</xsl:attribute>
    <xsl:variable name="role" as="xs:string?" select="(@role, ../@role, $rule/@role)[1]"/>
    <xsl:if test="exists($role)">
      <xsl:attribute name="role" select="tk:avt-escape($role)"/>
    </xsl:if>
    <xsl:variable name="id" as="xs:string?"
                  select="(@id, ancestor::sch:pattern[1]/@id, $rule/ancestor::sch:pattern[1]/@id)[1]"/>
    <xsl:if test="exists($id)">
      <xsl:attribute name="id" select="tk:avt-escape($id)"/>
    </xsl:if>
    <svrl:text>
      <xsl:apply-templates select="node()" mode="tk:text"/>
    </svrl:text>
    <xsl:variable name="here" as="element()" select="."/>
    <xsl:for-each select="tokenize(normalize-space(@diagnostics))">
      <xsl:variable name="diagnostic" as="element(sch:diagnostic)*"
                    select="root($here)//sch:diagnostic[@id = current()]"/>
      <xsl:if test="empty($diagnostic)">
        <xsl:sequence select="error(xs:QName('tk:E0307'), 'no diagnostic with id ' || .)"/>
      </xsl:if>
      <svrl:diagnostic-reference diagnostic="{.}">
        <svrl:text>
          <xsl:apply-templates select="$diagnostic[1]/node()" mode="tk:text"/>
        </svrl:text>
      </svrl:diagnostic-reference>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
