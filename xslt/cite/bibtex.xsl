<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns" exclude-result-prefixes="#all">
<xsl:function name="tk:bibtex" as="xs:string"><xsl:param name="r" as="map(*)"/><xsl:sequence select="'TODO'"/></xsl:function>
</xsl:stylesheet>
