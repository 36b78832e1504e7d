<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry: a TEI document's header as unqualified Dublin Core (OAI-PMH oai_dc). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="oai/functions.xsl"/>
  <xsl:include href="oai/dc-crosswalk.xsl"/>
</xsl:stylesheet>
