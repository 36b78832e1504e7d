<?xml version="1.0" encoding="UTF-8"?>
<!-- Named entities (persName, placeName, orgName, name, rs with @ref) link to their entry
     on the register page. Each occurrence has the id tk-occ-N (N counts these elements in
     the text in document order; toolkit.site counts the same way), so the register can
     link back to every occurrence. An entity that holds links or signs of its own is a
     span followed by a small register link (links may not nest). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:accumulator name="tk:html-occ" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//*[@ref][normalize-space(@ref)]
        [self::persName or self::placeName or self::orgName or self::name or self::rs]"
        select="$value + 1"/>
  </xsl:accumulator>

  <xsl:template match="*[self::persName or self::placeName or self::orgName or self::name
      or self::rs][normalize-space(@ref)][ancestor::text]">
    <xsl:variable name="href" as="xs:string"
        select="$register-href || '#' || tk:html-entity-key(@ref)"/>
    <xsl:variable name="id" as="xs:string"
        select="'tk-occ-' || accumulator-before('tk:html-occ')"/>
    <xsl:variable name="class" as="xs:string" select="'tk-entity tei-' || local-name()"/>
    <xsl:choose>
      <xsl:when test="$register-href = ''">
        <span id="{$id}" class="{$class}"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:when test="tk:html-has-block(.) or .//*[exists(tk:sign-kind(.)) or
          self::ref or self::ptr or (@ref and (self::persName or self::placeName
          or self::orgName or self::name or self::rs))] or ancestor::ref or ancestor::ptr">
        <span id="{$id}" class="{$class}"><xsl:apply-templates/></span>
        <xsl:if test="not(ancestor::ref or ancestor::ptr)">
          <a class="tk-entity-link" href="{$href}" title="Register entry">°</a>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <a id="{$id}" class="{$class}" href="{$href}"><xsl:apply-templates/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
