<?xml version="1.0" encoding="UTF-8"?>
<!-- Spaces before inline elements, for WeasyPrint's line breaking.
     WeasyPrint measures a text run with its trailing space: when the rest of a run fits the
     line only without that space and an inline element follows, it judges the run too wide
     and puts only its first word on the line ("(of / 100 / crews)": a line holding one
     word in a justified paragraph). A space of its own box is measured apart from the words
     before it, so the print HTML gives every word-final space before more content its own
     span. The page looks the same; only where lines may break is measured right. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:print-spaces" on-no-match="shallow-copy" on-multiple-match="fail"/>

  <!-- a run of words ending in collapsible white space, followed by more in its block -->
  <xsl:template mode="tk:print-spaces" match="text()[matches(., '\S[ &#9;&#10;&#13;]+$')]
      [following-sibling::node()][not(ancestor::*[local-name() = ('head', 'style', 'script',
      'pre', 'textarea')])]">
    <xsl:analyze-string select="." regex="[ &#9;&#10;&#13;]+$">
      <xsl:matching-substring><span class="tk-space"><xsl:value-of select="."/></span></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>
</xsl:stylesheet>
