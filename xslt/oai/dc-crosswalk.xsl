<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI header to unqualified Dublin Core (oai_dc), after the usual TEI-to-DC crosswalk. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei tk">

  <xsl:mode on-multiple-match="fail" on-no-match="shallow-skip"/>
  <xsl:output method="xml" indent="no" omit-xml-declaration="yes"/>

  <xsl:template match="/" as="element(oai_dc:dc)">
    <xsl:variable name="h" as="element(tei:teiHeader)" select="tk:header(.)"/>
    <xsl:variable name="file" as="element(tei:fileDesc)?" select="$h/tei:fileDesc"/>
    <xsl:variable name="pub" as="element(tei:publicationStmt)?" select="$file/tei:publicationStmt"/>
    <xsl:variable name="profile" as="element(tei:profileDesc)*" select="$h/tei:profileDesc"/>
    <xsl:variable name="ms" as="element(tei:msIdentifier)*"
        select="$file/tei:sourceDesc//tei:msIdentifier"/>
    <xsl:variable name="idnos" as="xs:string*" select="tk:texts($pub/tei:idno)"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:for-each select="tk:titles($file/tei:titleStmt)">
        <dc:title><xsl:value-of select="."/></dc:title>
      </xsl:for-each>
      <xsl:for-each select="tk:creators($h)">
        <dc:creator><xsl:value-of select="."/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="tk:agents(($file/tei:titleStmt/tei:editor,
                                       $file/tei:titleStmt/tei:respStmt))">
        <dc:contributor><xsl:value-of select="."/></dc:contributor>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($pub/tei:publisher, $pub/tei:distributor,
                                      $pub/tei:authority)[1])">
        <dc:publisher><xsl:value-of select="."/></dc:publisher>
      </xsl:for-each>
      <xsl:for-each select="distinct-values((($profile/tei:creation//tei:date,
                              $file/tei:sourceDesc//tei:origDate, $pub/tei:date)
                              ! tk:date(.))[. ne ''])">
        <dc:date><xsl:value-of select="."/></dc:date>
      </xsl:for-each>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:for-each select="($idnos, $identifier[not(exists($idnos))][. ne ''])">
        <dc:identifier><xsl:value-of select="."/></dc:identifier>
      </xsl:for-each>
      <xsl:for-each select="distinct-values((($ms, $ms/tei:altIdentifier) ! tk:archival-reference(.),
                              if (empty($ms)) then tk:texts($file/tei:sourceDesc/(tei:bibl,
                              tei:biblStruct, tei:biblFull, tei:p)) else ()))">
        <dc:source><xsl:value-of select="."/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="tk:languages(/)">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($pub/tei:availability, $pub/tei:licence))">
        <dc:rights><xsl:value-of select="."/></dc:rights>
      </xsl:for-each>
      <xsl:for-each select="$pub/(tei:availability, .)/tei:licence/@target[normalize-space(.) ne '']">
        <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
      </xsl:for-each>
      <xsl:for-each select="tk:subjects($profile/tei:textClass)">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($profile/tei:abstract, $file/tei:notesStmt/tei:note))">
        <dc:description><xsl:value-of select="."/></dc:description>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($profile/tei:creation//(tei:placeName, tei:settlement),
                                      $profile/tei:settingDesc,
                                      $file/tei:sourceDesc//tei:origPlace))">
        <dc:coverage><xsl:value-of select="."/></dc:coverage>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
