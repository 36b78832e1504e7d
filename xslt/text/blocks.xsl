<?xml version="1.0" encoding="UTF-8"?>
<!-- Layout: blocks, lines, word boundaries, milestones, text nodes. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- How an element breaks the flow of plain text: a block (blank line), a line (new
       line) or a word boundary around the element; then the element's own handling (a
       sign, or its children). Everything else is inline. Matched by name, so that the
       many inline elements of a large text cost nothing here. -->
  <xsl:template priority="10" match="
      p | ab | head | div | div1 | div2 | div3 | div4 | div5 | div6 | div7 | opener | closer
      | dateline | trailer | postscript | epigraph | argument | lg | list | listBibl | table
      | sp | speaker | castList | castGroup | titlePage | docTitle | titlePart | front | body
      | back | floatingText | figure | figDesc | set | performance | cit
      | seg[parent::opener]
      | stage[not(ancestor::p or ancestor::l or ancestor::ab or ancestor::speaker)]
      | quote[p | ab | lg | l | floatingText | list]
      | bibl[parent::*[local-name() = ('div', 'body', 'back', 'front', 'listBibl', 'div1',
                                      'div2', 'div3')]]">
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:BLOCK"/>
  </xsl:template>

  <xsl:template priority="10" match="
      item | l | castItem | row | label | docDate | docImprint | byline | docAuthor
      | salute[not(../text()[normalize-space()])] | signed[not(../text()[normalize-space()])]">
    <xsl:value-of select="$tk:LINE"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:LINE"/>
  </xsl:template>

  <xsl:template priority="10" match="cell | role | roleDesc | w">
    <xsl:value-of select="$tk:SPACE"/>
    <xsl:next-match/>
    <xsl:value-of select="$tk:SPACE"/>
  </xsl:template>

  <!-- Milestones: a word boundary, unless they break a word (@break="no"). -->
  <xsl:template match="lb | pb | cb">
    <xsl:if test="not(tk:is-word-internal-break(.))">
      <xsl:value-of select="$tk:SPACE"/>
    </xsl:if>
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
