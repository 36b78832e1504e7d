<?xml version="1.0" encoding="UTF-8"?>
<!-- Plain-text layout by behaviour (common/behaviours.xsl): every element's behaviour says
     how it breaks the flow of text, a block (blank line around), a line (new line) or a word
     boundary; then the element's own handling (a sign, a genre template, or its children).
     Named templates, one per kind of layout, that an edition's XSLT importing text.xsl may
     redefine: tk:text-block, tk:text-line, tk:text-word. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- behaviours laid out as blocks (blank lines), as lines, and as separate words -->
  <xsl:variable name="tk:text-blocks" as="xs:string+" select="('text', 'section', 'heading',
      'paragraph', 'block', 'list', 'table', 'figure', 'lineGroup', 'speech', 'stage',
      'address', 'register', 'description', 'dictEntry')"/>
  <xsl:variable name="tk:text-lines" as="xs:string+" select="('listItem', 'label', 'row',
      'line', 'speaker', 'addressLine', 'registerEntry')"/>
  <xsl:variable name="tk:text-words" as="xs:string+" select="('cell', 'graphic')"/>

  <xsl:template match="*" priority="10">
    <xsl:variable name="b" as="xs:string" select="tk:behaviour(.)"/>
    <xsl:choose>
      <!-- kept out of the reading text (the header's parts are the header's business) -->
      <xsl:when test="$b = ('omit', 'metadata') and ancestor::text"/>
      <xsl:when test="$b = 'register'"><xsl:call-template name="tk:text-register"/></xsl:when>
      <xsl:when test="$b = 'registerEntry' and tk:is-block(.)">
        <xsl:call-template name="tk:text-register-entry"/>
      </xsl:when>
      <xsl:when test="$b = 'line'"><xsl:call-template name="tk:text-verse-line"/></xsl:when>
      <xsl:when test="$b = 'apparatus'"><xsl:call-template name="tk:text-app"/></xsl:when>
      <xsl:when test="$b = 'reading'"/>
      <xsl:when test="$b = $tk:text-blocks"><xsl:call-template name="tk:text-block"/></xsl:when>
      <xsl:when test="$b = $tk:text-lines"><xsl:call-template name="tk:text-line"/></xsl:when>
      <xsl:when test="$b = $tk:text-words"><xsl:call-template name="tk:text-word"/></xsl:when>
      <xsl:when test="tk:bounds-words(.)">
        <xsl:if test="tk:glues-before(.)"><xsl:value-of select="$tk:SPACE"/></xsl:if>
        <xsl:next-match/>
        <xsl:if test="tk:glues-after(.)"><xsl:value-of select="$tk:SPACE"/></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:text-block">
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:BLOCK"/>
  </xsl:template>

  <xsl:template name="tk:text-line">
    <xsl:value-of select="$tk:LINE"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:LINE"/>
  </xsl:template>

  <xsl:template name="tk:text-word">
    <xsl:value-of select="$tk:SPACE"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:SPACE"/>
  </xsl:template>

  <!-- A TEI example (egXML): the XML it shows, as a block. -->
  <xsl:template match="*:egXML[namespace-uri() = 'http://www.tei-c.org/ns/Examples']" priority="20">
    <xsl:value-of select="$tk:BLOCK || tk:egxml-source(.) || $tk:BLOCK"/>
  </xsl:template>

  <!-- A part of a manuscript description: its label, then the part. -->
  <xsl:template match="msDesc/* | msPart/* | msFrag/*" priority="11">
    <xsl:variable name="label" as="xs:string?" select="tk:description-label(.)"/>
    <xsl:if test="exists($label)"><xsl:value-of select="$tk:BLOCK || $label || ':' || $tk:LINE"/></xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <!-- Milestones: a word boundary, unless they break a word (@break="no"). -->
  <xsl:template match="lb | cb | gb | milestone | space">
    <xsl:if test="not(tk:is-word-internal-break(.))">
      <xsl:value-of select="$tk:SPACE"/>
    </xsl:if>
  </xsl:template>

  <!-- A page break: its number, in brackets, at a word boundary (within a word: nothing). -->
  <xsl:template match="pb">
    <xsl:if test="not(tk:is-word-internal-break(.))">
      <xsl:value-of select="$tk:SPACE || (if (normalize-space(@n)) then '[' || normalize-space(@n)
          || '] ' else '')"/>
    </xsl:if>
  </xsl:template>

  <!-- Cells of a row: separated by a bar. -->
  <xsl:template match="cell[preceding-sibling::cell]" priority="1">
    <xsl:text> | </xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The description of a role after its name: "Claudius, king of Denmark". -->
  <xsl:template match="roleDesc[preceding-sibling::node()[not(self::text()[not(normalize-space())])][1]
      [self::role]]">
    <xsl:text>, </xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The readings of a substitution, one after the other as separate words. -->
  <xsl:template match="subst/*">
    <xsl:value-of select="$tk:SPACE"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$tk:SPACE"/>
  </xsl:template>

  <!-- Text as it is; next to a milestone (any namespace, as tk:is-word-internal-break),
       without the whitespace a word-internal break joins. -->
  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template priority="1" match="text()[
      preceding-sibling::node()[1][self::*:lb or self::*:pb or self::*:cb]
      or following-sibling::node()[1][self::*:lb or self::*:pb or self::*:cb]]">
    <xsl:value-of select="tk:text-value(.)"/>
  </xsl:template>
</xsl:stylesheet>
