<?xml version="1.0" encoding="UTF-8"?>
<!-- The critical apparatus in plain text (common/apparatus.xsl): the lemma in the running
     text, followed by its letter [A] where no line number finds it; the entries after each
     text unit under "Critical apparatus", one a line, "line 5: lemma] reading A; om. B". An
     app in a listApp is its entry, where it stands. Named template: tk:text-app. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template name="tk:text-app">
    <xsl:variable name="lemma" as="element()?" select="tk:app-lemma(.)"/>
    <xsl:choose>
      <xsl:when test="ancestor::listApp">
        <xsl:value-of select="$tk:LINE || tk:app-key(.) || ': ' || tk:text-app-entry(.) || $tk:LINE"/>
      </xsl:when>
      <xsl:when test="exists($lemma)">
        <xsl:if test="tk:glues-before(.)"><xsl:value-of select="$tk:SPACE"/></xsl:if>
        <xsl:apply-templates select="$lemma/node()"/>
        <xsl:if test="tk:app-marked(.)">
          <xsl:value-of select="' [' || tk:app-key(.) || ']'"/>
        </xsl:if>
        <xsl:if test="tk:glues-after(.)"><xsl:value-of select="$tk:SPACE"/></xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "lemma SIGLA] reading SIGLA; om. SIGLA", the readings with their signs. -->
  <xsl:function name="tk:text-app-entry" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="tk:app-entry-lemma($app) || '] ' || string-join(
        tk:app-readings($app) ! string-join(((tk:render(node() except witDetail)[. != ''], 'om.')[1],
            tk:sigla(.)[. != ''], witDetail ! ('(' || tk:render(node()) || ')')), ' '), '; ')"/>
  </xsl:function>

  <!-- The entries of a text unit. -->
  <xsl:template name="tk:text-apparatus">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="apps" as="element()*"
        select="$unit//app[not(ancestor::listApp)][tk:unit(.) is $unit]"/>
    <xsl:if test="exists($apps)">
      <xsl:value-of select="'Critical apparatus' || $tk:LINE"/>
      <xsl:for-each select="$apps">
        <xsl:value-of select="tk:app-key(.) || ': ' || tk:text-app-entry(.) || $tk:LINE"/>
      </xsl:for-each>
      <xsl:value-of select="$tk:BLOCK"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
