<?xml version="1.0" encoding="UTF-8"?>
<!-- "Cite this document": every citation style given in the parameter $citations (JSON,
     computed by toolkit.cite), each with a copy button (edition.js; without JavaScript
     the text stays selectable), and links to the citation files the build writes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-cite">
    <xsl:if test="normalize-space($citations)">
      <xsl:variable name="c" as="map(*)" select="parse-json($citations)"/>
      <section class="tk-cite" id="tk-cite" aria-labelledby="tk-cite-h">
        <h2 id="tk-cite-h">Cite this document</h2>
        <xsl:for-each select="array:flatten(($c?styles, [])[1])">
          <div class="tk-citation">
            <h3><xsl:value-of select="?label"/></h3>
            <pre id="tk-cite-{?style}" class="tk-cite-text"><xsl:value-of select="?text"/></pre>
            <button type="button" class="tk-copy" data-copy="tk-cite-{?style}" hidden="hidden">
              Copy <xsl:value-of select="?label"/></button>
          </div>
        </xsl:for-each>
        <xsl:variable name="files" as="map(*)" select="($c?files, map{})[1]"/>
        <xsl:if test="map:size($files) gt 0">
          <p class="tk-downloads">Download:
            <xsl:for-each select="map:keys($files)">
              <xsl:sort select="."/>
              <a href="{$files(.)}" download=""><xsl:value-of select="."/></a>
              <xsl:if test="position() != last()"><xsl:text> · </xsl:text></xsl:if>
            </xsl:for-each>
          </p>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
