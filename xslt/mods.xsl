<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry: a TEI document's header as a MODS 3.7 record (OAI-PMH mods). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="oai/functions.xsl"/>
  <xsl:include href="oai/mods-crosswalk.xsl"/>
</xsl:stylesheet>
