<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters, output and mode declaration of the plain-text output. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">

  <!-- 'diplomatic': the source publication as published, its brackets generated from the markup;
       'reading': corrected, regularised and expanded text, the edition's signs, endnotes.
       Any other value raises tk:E0001. -->
  <xsl:param name="mode" as="xs:string" select="'reading'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Unknown elements degrade to their text: shallow-skip goes on into their children, and
       text nodes have their own template (text/blocks.xsl). -->
  <xsl:mode use-accumulators="#all" on-no-match="shallow-skip" on-multiple-match="fail" warning-on-no-match="false"/>
</xsl:stylesheet>
