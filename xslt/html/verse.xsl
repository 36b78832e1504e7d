<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse and drama: a verse line (behaviour line) on a line of its own, its number in the
     margin every fifth line (common/behaviours.xsl tk:line-number), indented when its plain
     @rend says so (indent, indent2 …: classes tk-indent…, see edition.css). Speeches, speakers,
     stage directions and cast lists are blocks with their classes (tei-sp, tei-speaker …).
     Named template an edition may redefine: tk:html-line. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-line">
    <xsl:variable name="n" as="xs:string?" select="tk:line-number(.)"/>
    <div>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:if test="exists($n)">
        <span class="tk-lineno" aria-hidden="true"><xsl:value-of select="$n"/></span>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>
</xsl:stylesheet>
