<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit Schematron compiler: ISO Schematron (queryBinding xslt2, xslt3, xpath2, xpath3,
  xpath31; the default and "xslt" bindings are run with XPath 3.1 too) compiled to an
  XSLT 3.0 stylesheet that writes SVRL. Entry stylesheet: includes only.
  Run on an sch:schema; parameter $phase selects a phase (#DEFAULT, #ALL or a phase id).
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="schematron/functions.xsl"/>
  <xsl:include href="schematron/schema.xsl"/>
  <xsl:include href="schematron/patterns.xsl"/>
  <xsl:include href="schematron/rules.xsl"/>
  <xsl:include href="schematron/text.xsl"/>
</xsl:stylesheet>
