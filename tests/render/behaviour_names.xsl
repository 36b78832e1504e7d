<?xml version="1.0" encoding="UTF-8"?>
<!-- Test harness: the table's behaviour of each local name given (space-separated) in
     $names, one "name behaviour" line each ("-" for a name the table does not list). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">
  <xsl:include href="../../xslt/common/behaviours.xsl"/>
  <xsl:param name="names" as="xs:string" select="''"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="string-join(tokenize($names) ! (. || ' ' ||
        ($tk:behaviour-table(.), '-')[1]), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
