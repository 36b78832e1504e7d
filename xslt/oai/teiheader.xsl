<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry: the tei metadata format of OAI-PMH (the document's teiHeader). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="teiheader-copy.xsl"/>
</xsl:stylesheet>
