<?xml version="1.0" encoding="UTF-8"?>
<!-- The tei metadata format: the document's teiHeader, copied whole, except that every
     xml:id gets the prefix $idprefix (and local references "#id" to those ids follow),
     so that the headers of several records in one OAI-PMH response never share an ID. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:param name="idprefix" as="xs:string" select="''"/>

  <xsl:mode on-multiple-match="fail" on-no-match="shallow-skip"/>
  <xsl:mode name="tk:header-copy" on-multiple-match="fail" on-no-match="shallow-copy"/>
  <xsl:output method="xml" indent="no" omit-xml-declaration="yes"/>

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <xsl:template match="/" as="element(tei:teiHeader)">
    <xsl:apply-templates select="tk:header(.)" mode="tk:header-copy"/>
  </xsl:template>

  <xsl:template match="@xml:id" mode="tk:header-copy" as="attribute()">
    <xsl:attribute name="xml:id" select="$idprefix || ."/>
  </xsl:template>

  <!-- Pointers: each "#id" token naming an element of the header gets the prefix. -->
  <xsl:template match="@*[not(self::attribute(xml:id))][contains(., '#')]"
                mode="tk:header-copy" as="attribute()">
    <xsl:variable name="header" as="element(tei:teiHeader)" select="ancestor::tei:teiHeader"/>
    <xsl:variable name="tokens" as="xs:string*" select="tokenize(normalize-space(.), ' ')"/>
    <xsl:attribute name="{node-name(.)}" namespace="{namespace-uri(.)}"
        select="string-join($tokens ! (if (starts-with(., '#')
                  and exists(key('tk:id', substring(., 2), $header)))
                  then '#' || $idprefix || substring(., 2) else .), ' ')"/>
  </xsl:template>
</xsl:stylesheet>
