<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text of header elements for citations: every word kept, whitespace normalised.
  A gloss is given in square brackets after the glossed word, as publishers print it;
  notes are left out (they are not part of a title or a name); of a choice, the
  corrected / regularised / expanded reading is taken.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:plain" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <xsl:template match="tei:gloss" mode="tk:plain">
    <xsl:text> [</xsl:text>
    <xsl:apply-templates mode="tk:plain"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note | tei:figure | tei:pb | tei:lb[@break = 'no']" mode="tk:plain"/>

  <xsl:template match="tei:lb" mode="tk:plain" priority="-1">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:choice" mode="tk:plain">
    <xsl:apply-templates mode="tk:plain"
        select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
  </xsl:template>

  <!-- The normalised plain text of $nodes (empty string for none). -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="tk:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($text))"/>
  </xsl:function>
</xsl:stylesheet>
