<?xml version="1.0" encoding="UTF-8"?>
<!-- The critical apparatus on the page (common/apparatus.xsl decides what stands in the text
     and how an entry reads): the lemma in the text, marked with the entry's letter where no
     line number finds it; the entries after the text, keyed by line or letter; an app in a
     listApp (location-referenced) is its entry, where it stands. Named templates an edition
     may redefine: tk:html-app, tk:html-apparatus. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-app">
    <xsl:variable name="lemma" as="element()?" select="tk:app-lemma(.)"/>
    <xsl:variable name="id" as="xs:string" select="tk:html-uid(.)"/>
    <xsl:choose>
      <xsl:when test="ancestor::listApp">
        <div class="tk-app-entry" id="tk-app-{$id}">
          <span class="tk-app-key"><xsl:value-of select="tk:app-key(.)"/></span>
          <xsl:call-template name="tk:html-app-entry"/>
          <xsl:apply-templates select="note | */note"/>
        </div>
      </xsl:when>
      <xsl:when test="exists($lemma)">
        <xsl:if test="tk:glues-before(.)"><xsl:text> </xsl:text></xsl:if>
        <span class="tei-app tk-lemma" id="tk-appin-{$id}">
          <xsl:apply-templates select="$lemma/node()"/>
        </span>
        <xsl:if test="tk:app-marked(.)">
          <a class="tk-appref" href="#tk-app-{$id}"><sup><xsl:value-of select="tk:app-key(.)"/></sup></a>
        </xsl:if>
        <!-- the notes of the app (not of its lemma) are called here -->
        <xsl:apply-templates select="note | (* except $lemma)/note"/>
        <xsl:if test="tk:glues-after(.)"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-app" id="tk-appin-{$id}"></span>
        <xsl:apply-templates select="note | */note"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- " lemma SIGLA] reading SIGLA; om. SIGLA", the readings rendered with their signs -->
  <xsl:template name="tk:html-app-entry">
    <xsl:value-of select="' ' || tk:app-entry-lemma(.) || '] '"/>
    <xsl:for-each select="tk:app-readings(.)">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <span class="tk-app-reading">
        <xsl:choose>
          <xsl:when test="normalize-space(string-join(.//text()[not(ancestor::witDetail)], ''))">
            <xsl:apply-templates select="node() except witDetail"/>
          </xsl:when>
          <xsl:otherwise>om.</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:for-each select="tk:sigla(.)[. != '']">
        <xsl:text> </xsl:text><span class="tk-sigla"><xsl:value-of select="."/></span>
      </xsl:for-each>
      <xsl:for-each select="witDetail">
        <xsl:text> (</xsl:text><xsl:apply-templates/><xsl:text>)</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="tk:html-apparatus">
    <xsl:variable name="apps" as="element()*" select="//TEI/text//app[not(ancestor::listApp)]"/>
    <xsl:if test="exists($apps)">
      <section class="tk-apparatus" id="tk-apparatus" aria-labelledby="tk-apparatus-h">
        <h2 id="tk-apparatus-h">Apparatus</h2>
        <ol class="tk-app-list">
          <xsl:for-each select="$apps">
            <li id="tk-app-{tk:html-uid(.)}">
              <a class="tk-app-key" href="#tk-appin-{tk:html-uid(.)}">
                <xsl:value-of select="tk:app-key(.)"/></a>
              <xsl:call-template name="tk:html-app-entry"/>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
