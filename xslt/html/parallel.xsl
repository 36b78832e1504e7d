<?xml version="1.0" encoding="UTF-8"?>
<!-- Original and translation side by side. Two sibling parts with different xml:lang, one
     pointing to the other with @corresp, are shown as rows of aligned blocks: a block and
     the block(s) its @corresp names (either direction), recursively where both hold
     aligned blocks. A block without counterpart gets a row alone in its column. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- the two sides: first part with @corresp to a sibling in another language -->
  <xsl:function name="tk:html-sides-of" as="element()*">
    <xsl:param name="p" as="element()"/>
    <xsl:variable name="x" as="element()?" select="$p/*[@xml:lang][@corresp][1]"/>
    <xsl:variable name="y" as="element()?" select="$p/*[@xml:lang != $x/@xml:lang]
        [@xml:id = tokenize($x/@corresp) ! substring-after(., '#')][1]"/>
    <xsl:sequence select="if ($x and $y) then ($x | $y) else ()"/>
  </xsl:function>

  <xsl:function name="tk:html-parallel-sides" as="element()*">
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="($root//TEI/text/descendant-or-self::*[self::text or self::group
        or self::body][exists(tk:html-sides-of(.))])[1] ! tk:html-sides-of(.)"/>
  </xsl:function>

  <xsl:function name="tk:html-aligned" as="xs:boolean">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="$e instance of element() and (exists($e/@corresp)
        or tokenize($e/@ana) = '#no-counterpart')"/>
  </xsl:function>

  <!-- the aligned blocks of a container: its children, looking through unaligned
       wrappers (body, back) that hold aligned blocks; other content is kept as orphans -->
  <xsl:function name="tk:html-blocks" as="node()*">
    <xsl:param name="x" as="element()"/>
    <xsl:sequence select="for $c in $x/node()[self::* or normalize-space()] return
        if ($c instance of element() and not(tk:html-aligned($c))
            and exists($c//*[tk:html-aligned(.)])) then tk:html-blocks($c) else $c"/>
  </xsl:function>

  <xsl:function name="tk:html-counterparts" as="node()*">
    <xsl:param name="e" as="node()"/>
    <xsl:param name="among" as="node()*"/>
    <xsl:sequence select="if ($e instance of element()) then $among intersect (
        (tokenize($e/@corresp) ! key('tk:html-id', substring-after(., '#'), root($e))),
        $e/@xml:id ! key('tk:html-corresp', ., root($e))) else ()"/>
  </xsl:function>

  <xsl:template match="*[self::text or self::group or self::body][exists(tk:html-sides-of(.))]"
      priority="1">
    <xsl:variable name="sides" as="element()+" select="tk:html-sides-of(.)"/>
    <div class="tk-parallel tei-{local-name()}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates select="node() except $sides[1]/(., following-sibling::node())"/>
      <div class="tk-row tk-row-head">
        <xsl:for-each select="$sides">
          <div class="tk-cell tk-side-{position()}" lang="{tk:html-lang(@xml:lang)}">
            <p class="tk-side-label">
              <xsl:value-of select="tk:html-lang-label(root(.), @xml:lang)"/>
              <xsl:if test="@type"><xsl:value-of select="' (' || @type || ')'"/></xsl:if>
            </p>
          </div>
        </xsl:for-each>
      </div>
      <xsl:call-template name="tk:html-align">
        <xsl:with-param name="a" select="$sides[1]"/>
        <xsl:with-param name="b" select="$sides[2]"/>
      </xsl:call-template>
      <xsl:apply-templates select="$sides[2]/following-sibling::node()"/>
      <xsl:apply-templates select="$sides[1]/following-sibling::node()
          except $sides[2]/(., following-sibling::node())"/>
    </div>
  </xsl:template>

  <xsl:template name="tk:html-align">
    <xsl:param name="a" as="element()"/>
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="L" as="node()*" select="tk:html-blocks($a)"/>
    <xsl:variable name="R" as="node()*" select="tk:html-blocks($b)"/>
    <xsl:variable name="matched" as="xs:integer*" select="for $k in 1 to count($R)
        return $k[exists(tk:html-counterparts($R[$k], $L))]"/>
    <xsl:variable name="ends" as="xs:integer*" select="($matched, count($R) + 1)"/>
    <!-- right-hand orphans before the first matched block -->
    <xsl:for-each select="subsequence($R, 1, $ends[1] - 1)">
      <xsl:call-template name="tk:html-row"><xsl:with-param name="r" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$L">
      <xsl:variable name="l" as="node()" select="."/>
      <xsl:variable name="rs" as="node()*" select="tk:html-counterparts($l, $R)"/>
      <xsl:choose>
        <xsl:when test="count($rs) = 1 and $l instance of element()
            and exists(($l | $rs)//*[tk:html-aligned(.)])">
          <div class="tk-pair tei-{local-name($l)}">
            <xsl:call-template name="tk:html-align">
              <xsl:with-param name="a" select="$l"/>
              <xsl:with-param name="b" select="$rs"/>
            </xsl:call-template>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tk:html-row">
            <xsl:with-param name="l" select="$l"/>
            <xsl:with-param name="r" select="$rs"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <!-- right-hand orphans that follow this block's counterparts -->
      <xsl:for-each select="$rs">
        <xsl:variable name="r" as="node()" select="."/>
        <xsl:variable name="j" as="xs:integer?" select="index-of($matched,
            (for $k in $matched return $k[$R[$k] is $r])[1])[1]"/>
        <xsl:for-each select="if (exists($j)) then
            subsequence($R, $matched[$j] + 1, $ends[$j + 1] - $matched[$j] - 1) else ()">
          <xsl:call-template name="tk:html-row"><xsl:with-param name="r" select="."/></xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="tk:html-row">
    <xsl:param name="l" as="node()*" select="()"/>
    <xsl:param name="r" as="node()*" select="()"/>
    <div class="tk-row">
      <xsl:call-template name="tk:html-cell">
        <xsl:with-param name="nodes" select="$l"/><xsl:with-param name="side" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="tk:html-cell">
        <xsl:with-param name="nodes" select="$r"/><xsl:with-param name="side" select="2"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template name="tk:html-cell">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="side" as="xs:integer"/>
    <xsl:variable name="lang" as="xs:string?"
        select="($nodes[1]/ancestor-or-self::*[@xml:lang][1]/@xml:lang)[1]"/>
    <div class="tk-cell tk-side-{$side}{if (empty($nodes)) then ' tk-empty' else ''}">
      <xsl:if test="exists($lang)"><xsl:attribute name="lang" select="tk:html-lang($lang)"/></xsl:if>
      <xsl:apply-templates select="$nodes"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
