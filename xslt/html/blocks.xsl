<?xml version="1.0" encoding="UTF-8"?>
<!-- Generic rendering of the text: blocks become div (p, headings h2-h6), everything else
     a span with class tei-NAME; an element of another namespace degrades to its text. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template match="*" priority="-1">
    <xsl:element name="{if (tk:html-is-block(.) or tk:html-has-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- not TEI: only its text (and whatever its TEI descendants render) -->
  <xsl:template match="*[namespace-uri() != 'http://www.tei-c.org/ns/1.0']" priority="-0.9">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="p">
    <xsl:element name="{if (tk:html-has-block(.)) then 'div' else 'p'}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="head">
    <xsl:variable name="level" as="xs:integer" select="max((2, min((6, 1 + count(ancestor::*[
        self::div or self::div1 or self::div2 or self::div3 or self::div4 or self::div5
        or self::floatingText or self::lg or self::list])))))"/>
    <xsl:element name="{if (tk:html-has-block(.)) then 'div' else 'h' || $level}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="lb">
    <xsl:if test="not(parent::*[tk:html-has-block(.)])"><br/></xsl:if>
  </xsl:template>

  <xsl:template match="pb">
    <span class="tk-pb" title="page {@n}">
      <xsl:if test="@n"><xsl:value-of select="'[' || @n || ']'"/></xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="cb | milestone | anchor | graphic | binaryObject | media">
    <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
  </xsl:template>

  <xsl:template match="ref[@target] | ptr[@target]">
    <xsl:variable name="t" as="xs:string" select="normalize-space(tokenize(@target)[1])"/>
    <xsl:choose>
      <xsl:when test="matches($t, '^(https?:|mailto:|#)') and not(tk:html-has-block(.))">
        <a href="{if (starts-with($t, '#') and not(key('tk:html-id', substring($t, 2))))
            then '#' else $t}">
          <xsl:call-template name="tk:html-attrs"/>
          <xsl:apply-templates/>
          <xsl:if test="self::ptr or not(normalize-space(.))"><xsl:value-of select="$t"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="tk:html-attrs"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- id, lang and classes of a rendered TEI element -->
  <xsl:template name="tk:html-attrs">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="tk:html-lang(@xml:lang)"/></xsl:if>
    <xsl:attribute name="class" select="string-join(('tei-' || local-name(),
        (@type, @rend) ! tokenize(.) ! replace(., '[^\w\-]', '') ! ('tk-' || .)), ' ')"/>
  </xsl:template>
</xsl:stylesheet>
