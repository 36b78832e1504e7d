<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes on paper: footnotes at the foot of the page where they are called
     (CSS float: footnote). The series and labels are the screen edition's
     (html/notes.xsl: translator's notes a, b, c…; editorial notes i, ii, iii…; other notes
     1, 2, 3…), so a note has the same label in every output. In the diplomatic text a note
     that the source prints inline (the translator's note) stays inline, as published. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template match="note">
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:choose>
      <xsl:when test="tk:sign-placement(., $mode) = 'inline'">
        <span class="tk-note-inline tk-sign-{$kind}">
          <xsl:value-of select="tk:sign-open($kind, $mode)"/>
          <xsl:apply-templates/>
          <xsl:value-of select="tk:sign-close($kind, $mode)"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="tk-fn tk-fn-{$kind}" data-label="{tk:html-note-label(.)}">
          <xsl:if test="ancestor::*[@xml:lang][1]/@xml:lang">
            <xsl:attribute name="lang" select="ancestor::*[@xml:lang][1]/@xml:lang"/>
          </xsl:if>
          <span class="tk-fn-kind">
            <xsl:value-of select="tk:sign-label($kind)
                || (if (@resp and $kind ne 'translator-note')
                    then ', by ' || tk:html-resp-label(.) else '') || ': '"/>
          </span>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note standing as a block of its own (a notes section of the source, as in novels
       that print their notes at the end) stays where the source puts it, with its label:
       only a note called from running text becomes a footnote. -->
  <xsl:template match="note[tk:print-block-note(.)]" priority="1">
    <div class="tk-endnote tk-sign-{tk:sign-kind(.)}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:if test="@n"><span class="tk-endnote-label"><xsl:value-of select="@n"/></span></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:function name="tk:print-block-note" as="xs:boolean">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="exists($n/parent::*[self::div or self::div1 or self::div2
        or self::div3 or self::back or self::front or self::body or self::listNote
        or self::noteGrp])"/>
  </xsl:function>

  <!-- Runs of white space inside a note become one space: the browser would collapse them
       anyway, and WeasyPrint's footnote layout fails on a newline after a space
       ("Got ' \n' between two lines"). -->
  <xsl:template match="text()[ancestor::note]">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>
</xsl:stylesheet>
