<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's own HTML rendering: it imports teikit's and overrides what it needs.
     Enable it in teikit.toml: [overrides] html = "style/html.xsl". The PDF follows it.
     teikit:html.xsl is resolved by teikit to its installed stylesheet. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <xsl:import href="teikit:html.xsl"/>

  <!-- text the writer letter-spaced: shown letter-spaced -->
  <xsl:template match="hi[@rend = 'spaced']">
    <span class="spaced" style="letter-spacing: 0.2em"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
