<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes: a numbered marker in the text (a link to the footnote, which works without
     JavaScript; edition.js also shows the note as a popover on hover and focus), and the
     footnotes after the text, with back-links. Each kind of note (common/signs.xsl:
     translator-note, editor-note, note) has its own number series and marker style:
     translator's notes a, b, c…; editorial notes i, ii, iii…; other notes 1, 2, 3…
     Numbers come from an accumulator (one pass), never from counting preceding notes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:variable name="tk:html-note-series" as="map(xs:string, map(xs:string, xs:string))"
      select="map{
        'translator-note': map{'format': 'a', 'heading': 'Translator''s notes'},
        'editor-note': map{'format': 'i', 'heading': 'Editorial notes'},
        'note': map{'format': '1', 'heading': 'Notes'}}"/>

  <xsl:accumulator name="tk:html-note-count" as="map(xs:string, xs:integer)"
      initial-value="map{}">
    <xsl:accumulator-rule match="text//note">
      <xsl:variable name="k" as="xs:string" select="tk:sign-kind(.)"/>
      <xsl:sequence select="map:put($value, $k, ($value($k), 0)[1] + 1)"/>
    </xsl:accumulator-rule>
  </xsl:accumulator>

  <xsl:function name="tk:html-note-label" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="k" as="xs:string" select="tk:sign-kind($n)"/>
    <xsl:sequence select="format-integer($n ! accumulator-before('tk:html-note-count')($k),
        $tk:html-note-series($k)?format)"/>
  </xsl:function>

  <xsl:template match="note">
    <xsl:param name="tk-mode" as="xs:string" select="'both'" tunnel="yes"/>
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="id" as="xs:string" select="'tk-fn-' || tk:html-uid(.)"/>
    <xsl:variable name="label" as="xs:string" select="tk:html-note-label(.)"/>
    <xsl:variable name="dipl" as="xs:string" select="tk:sign-placement(., 'diplomatic')"/>
    <xsl:if test="$dipl = 'inline' and $kind != 'note' and $tk-mode != 'reading'">
      <span class="dipl tk-note-inline">
        <xsl:value-of select="tk:sign-open($kind, 'diplomatic') || tk:html-dipl-string(node())
            || tk:sign-close($kind, 'diplomatic')"/>
      </span>
    </xsl:if>
    <a class="tk-noteref tk-noteref-{$kind}{if ($dipl = 'endnote' or $kind = 'note') then ''
        else ' read'}" href="#{$id}" id="tk-fnref-{tk:html-uid(.)}" aria-describedby="{$id}"
        data-note="{$id}">
      <sup><xsl:value-of select="$label"/></sup>
    </a>
  </xsl:template>

  <!-- the footnotes, one list per series -->
  <xsl:template name="tk:html-footnotes">
    <xsl:variable name="notes" as="element()*" select="//TEI/text//note"/>
    <xsl:if test="exists($notes)">
      <section class="tk-footnotes" aria-label="Notes">
        <xsl:for-each select="('translator-note', 'editor-note', 'note')">
          <xsl:variable name="kind" as="xs:string" select="."/>
          <xsl:variable name="these" as="element()*" select="$notes[tk:sign-kind(.) = $kind]"/>
          <xsl:if test="exists($these)">
            <h2><xsl:value-of select="$tk:html-note-series($kind)?heading"/></h2>
            <ol class="tk-fn-list tk-fn-{$kind}" type="{$tk:html-note-series($kind)?format}">
              <xsl:apply-templates select="$these" mode="tk:footnote"/>
            </ol>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="tk:footnote">
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <li id="tk-fn-{tk:html-uid(.)}" class="tk-fn tk-fn-{$kind}"
        value="{accumulator-before('tk:html-note-count')($kind)}">
      <xsl:if test="ancestor::*[@xml:lang][1]/@xml:lang">
        <xsl:attribute name="lang"
            select="tk:html-lang(ancestor::*[@xml:lang][1]/@xml:lang)"/>
      </xsl:if>
      <!-- a pointer of the TEI to the note (ref target="#id") lands on it -->
      <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
      <span class="tk-fn-kind"><xsl:value-of select="tk:sign-label($kind)
          || (if (@resp) then ', by ' || tk:html-resp-label(.) else '')"/>: </span>
      <div class="tk-fn-body"><xsl:apply-templates/></div>
      <xsl:text> </xsl:text>
      <a class="tk-backref" href="#tk-fnref-{tk:html-uid(.)}">↩ back to the text</a>
    </li>
  </xsl:template>
</xsl:stylesheet>
