<?xml version="1.0" encoding="UTF-8"?>
<!-- Text units, with their numbered endnotes and apparatus after each unit. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="tk:endnote" use-accumulators="#all" on-no-match="shallow-skip" on-multiple-match="fail" warning-on-no-match="false"/>
  <xsl:mode name="tk:apparatus" use-accumulators="#all" on-no-match="shallow-skip" on-multiple-match="fail" warning-on-no-match="false"/>

  <!-- The notes of a unit shown as endnotes in a mode, in document order. -->
  <xsl:function name="tk:endnotes" as="element()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="$unit//note[tk:sign-placement(., $mode) = 'endnote'][tk:unit(.) is $unit]"/>
  </xsl:function>

  <!-- Endnote numbers: counted once, in document order, from 1 in each text unit. -->
  <xsl:accumulator name="tk:endnote-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text[not(group)]" select="0"/>
    <xsl:accumulator-rule match="note[tk:sign-placement(., $mode) = 'endnote']" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="$note/accumulator-before('tk:endnote-count')"/>
  </xsl:function>

  <!-- What the apparatus of a unit lists: every choice (its readings not shown in this mode)
       and every sign placed in the apparatus. -->
  <xsl:function name="tk:apparatus-items" as="element()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="tk:sign-candidates($unit)
        [self::choice or tk:sign-placement(., $mode) = 'apparatus'][tk:unit(.) is $unit]"/>
  </xsl:function>

  <!-- The rendering (one line) of some nodes in the current mode. -->
  <xsl:function name="tk:render" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="raw" as="xs:string">
      <xsl:value-of><xsl:apply-templates select="$nodes"/></xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="tk:one-line($raw)"/>
  </xsl:function>

  <!-- The last word shown in the running text of a mode before an element (to locate
       apparatus entries). -->
  <xsl:function name="tk:word-before" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="shown" as="text()*" select="$e/preceding::text()[position() le 12]
      [not(ancestor::*[parent::choice][not(. is tk:choice-shown(.., $mode))])]
      [not(ancestor::*[tk:sign-placement(., $mode) ne 'inline'])]"/>
    <xsl:sequence select="tokenize(normalize-space(string-join($shown, '')), ' ')[last()]"/>
  </xsl:function>

  <xsl:template match="text[not(group)]" priority="20">
    <xsl:variable name="notes" as="element()*" select="tk:endnotes(., $mode)"/>
    <xsl:variable name="items" as="element()*" select="tk:apparatus-items(., $mode)"/>
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:if test="exists($notes)">
      <xsl:value-of select="'Notes' || $tk:LINE"/>
      <xsl:apply-templates select="$notes" mode="tk:endnote"/>
      <xsl:value-of select="$tk:BLOCK"/>
    </xsl:if>
    <xsl:if test="exists($items)">
      <xsl:value-of select="'Apparatus' || $tk:LINE"/>
      <xsl:apply-templates select="$items" mode="tk:apparatus"/>
      <xsl:value-of select="$tk:BLOCK"/>
    </xsl:if>
  </xsl:template>

  <!-- "[n] Label: text" -->
  <xsl:template match="note" mode="tk:endnote">
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="label" as="xs:string"
      select="if ($kind = 'note') then '' else tk:sign-label($kind) || ': '"/>
    <xsl:value-of select="'[' || tk:note-number(., $mode) || '] ' || $label
      || tk:render(node()) || $tk:LINE"/>
  </xsl:template>

  <!-- "shown] how the other reading is named: other reading" -->
  <xsl:template match="choice" mode="tk:apparatus">
    <xsl:variable name="shown" as="element()?" select="tk:choice-shown(., $mode)"/>
    <xsl:variable name="others" as="xs:string*"
      select="for $b in (* except $shown)
              return tk:branch-label($b) || ': ' || (tk:render($b)[. ne ''], '(nothing)')[1]"/>
    <xsl:variable name="lemma" as="xs:string" select="tk:render($shown)"/>
    <xsl:value-of select="(if ($lemma ne '') then $lemma else '(nothing) after «' || tk:word-before(., $mode) || '»')
      || '] ' || string-join($others, '; ') || $tk:LINE"/>
  </xsl:template>

  <!-- A sign moved out of the running text: "Label after «word»: text" -->
  <xsl:template match="*" mode="tk:apparatus">
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="target" as="element()?" select="tk:target(., @target)"/>
    <xsl:variable name="where" as="xs:string" select="if (exists($target))
      then ' on «' || tk:render($target) || '»' else ' after «' || tk:word-before(., $mode) || '»'"/>
    <xsl:value-of select="tk:sign-alt-label($kind, $mode) || $where || ': '
      || tk:render(node()) || $tk:LINE"/>
  </xsl:template>
  <!-- The reading text's legend: what its marks are, and who made the insertions (the
       source's editors and translator keep their square brackets, this edition's are
       angle brackets; common/signs.xsl, tk:sign-mark). -->
  <xsl:template name="tk:text-legend">
    <xsl:if test="$mode = 'reading'">
      <xsl:variable name="signs" as="element()*" select="(//text ! tk:sign-candidates(.))
          [exists(tk:sign-kind(.))][tk:sign-placement(., 'reading') = 'inline']
          [not(self::note)][tk:sign-mark(., 'reading', 'open') || tk:sign-mark(., 'reading', 'close') ne '']"/>
      <xsl:if test="exists($signs)">
        <xsl:value-of select="$tk:BLOCK || 'Signs' || $tk:LINE"/>
        <xsl:for-each-group select="$signs" group-by="tk:sign-mark(., 'reading', 'open') || '…'
            || tk:sign-mark(., 'reading', 'close')">
          <xsl:variable name="makers" as="xs:string*" select="distinct-values(current-group()
              ! map{'edition': 'this edition', 'source': 'the source''s editors or translator, as published',
                    'unstated': 'an editor'}(tk:sign-maker(.)))"/>
          <xsl:value-of select="normalize-space(current-grouping-key()) || ' '
              || string-join(distinct-values(current-group() ! tk:sign-label(tk:sign-kind(.))), ', ')
              || ': by ' || string-join($makers, '; ') || $tk:LINE"/>
        </xsl:for-each-group>
        <xsl:value-of select="$tk:BLOCK"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
