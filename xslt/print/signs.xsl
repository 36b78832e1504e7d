<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial signs on paper: rendered by the screen edition's templates (html/signs.xsl);
     a choice also gets an anchor (numbered in document order, the same in every run), so
     the textual apparatus can give its page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template match="choice">
    <span id="tk-app-{tk:html-uid(.)}" class="tk-app-anchor"><xsl:next-match/></span>
  </xsl:template>
</xsl:stylesheet>
