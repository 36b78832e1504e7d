<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI header to MODS 3.7 (one mods record per document). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    xmlns="http://www.loc.gov/mods/v3"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs tei tk">

  <xsl:mode on-multiple-match="fail" on-no-match="shallow-skip"/>
  <xsl:output method="xml" indent="no" omit-xml-declaration="yes"/>

  <xsl:template match="/" as="element()">
    <xsl:variable name="h" as="element(tei:teiHeader)" select="tk:header(.)"/>
    <xsl:variable name="file" as="element(tei:fileDesc)?" select="$h/tei:fileDesc"/>
    <xsl:variable name="pub" as="element(tei:publicationStmt)?" select="$file/tei:publicationStmt"/>
    <xsl:variable name="profile" as="element(tei:profileDesc)*" select="$h/tei:profileDesc"/>
    <xsl:variable name="titles" as="xs:string*" select="tk:titles($file/tei:titleStmt)"/>
    <mods version="3.7" xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-7.xsd">
      <titleInfo><title><xsl:value-of select="($titles[1], '[untitled]')[1]"/></title></titleInfo>
      <xsl:for-each select="subsequence($titles, 2)">
        <titleInfo type="alternative"><title><xsl:value-of select="."/></title></titleInfo>
      </xsl:for-each>
      <xsl:for-each select="tk:creators($h)">
        <xsl:sequence select="tk:mods-name(., 'author', 'aut')"/>
      </xsl:for-each>
      <xsl:for-each select="tk:agents($file/tei:titleStmt/tei:editor)">
        <xsl:sequence select="tk:mods-name(., 'editor', 'edt')"/>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt">
        <xsl:variable name="resp" as="xs:string" select="string-join(tk:texts(tei:resp), '; ')"/>
        <xsl:for-each select="tk:agents(.)">
          <xsl:sequence select="tk:mods-name(., $resp, '')"/>
        </xsl:for-each>
      </xsl:for-each>
      <typeOfResource>text</typeOfResource>
      <originInfo>
        <xsl:for-each select="tk:texts(($pub/tei:publisher, $pub/tei:distributor,
                                        $pub/tei:authority)[1])">
          <publisher><xsl:value-of select="."/></publisher>
        </xsl:for-each>
        <xsl:for-each select="($pub/tei:date ! tk:date(.))[. ne '']">
          <dateIssued><xsl:value-of select="."/></dateIssued>
        </xsl:for-each>
        <xsl:for-each select="distinct-values((($profile/tei:creation//tei:date,
                                $file/tei:sourceDesc//tei:origDate) ! tk:date(.))[. ne ''])">
          <dateCreated><xsl:value-of select="."/></dateCreated>
        </xsl:for-each>
      </originInfo>
      <xsl:for-each select="tk:languages(/)">
        <language><languageTerm type="code" authority="rfc5646"><xsl:value-of select="."/></languageTerm></language>
      </xsl:for-each>
      <physicalDescription>
        <internetMediaType>application/tei+xml</internetMediaType>
      </physicalDescription>
      <xsl:for-each select="tk:texts($profile/tei:abstract)">
        <abstract><xsl:value-of select="."/></abstract>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:notesStmt/tei:note[tk:text(.) ne '']">
        <note>
          <xsl:if test="@type = 'funding'"><xsl:attribute name="type" select="'funding'"/></xsl:if>
          <xsl:value-of select="tk:text(.)"/>
        </note>
      </xsl:for-each>
      <xsl:for-each select="tk:subjects($profile/tei:textClass)">
        <subject><topic><xsl:value-of select="."/></topic></subject>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($profile/tei:creation//(tei:placeName, tei:settlement),
                                      $file/tei:sourceDesc//tei:origPlace))">
        <subject><geographic><xsl:value-of select="."/></geographic></subject>
      </xsl:for-each>
      <xsl:for-each select="$pub/tei:idno[normalize-space(.) ne '']">
        <identifier type="{(@type[normalize-space(.) ne ''], 'local')[1]}"><xsl:value-of select="tk:text(.)"/></identifier>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:sourceDesc//tei:msIdentifier">
        <xsl:variable name="place" as="xs:string*"
            select="tk:texts((tei:settlement, tei:institution, tei:repository))"/>
        <xsl:variable name="shelf" as="xs:string*" select="tk:shelfmark(.)"/>
        <location>
          <physicalLocation><xsl:value-of select="if (exists($place))
            then string-join($place, ', ') else '[unknown]'"/></physicalLocation>
          <xsl:if test="exists($shelf)">
            <shelfLocator><xsl:value-of select="string-join($shelf, ', ')"/></shelfLocator>
          </xsl:if>
        </location>
      </xsl:for-each>
      <xsl:for-each select="tk:texts(($pub/tei:availability, $pub/tei:licence))">
        <accessCondition type="use and reproduction"><xsl:value-of select="."/></accessCondition>
      </xsl:for-each>
      <recordInfo>
        <xsl:if test="$identifier ne ''">
          <recordIdentifier><xsl:value-of select="$identifier"/></recordIdentifier>
        </xsl:if>
        <recordOrigin>Converted from the TEI header by the teikit MODS crosswalk</recordOrigin>
      </recordInfo>
    </mods>
  </xsl:template>

  <!-- A MODS name with a role: a MARC relator code when known, else the text of resp. -->
  <xsl:function name="tk:mods-name" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="code" as="xs:string"/>
    <name>
      <namePart><xsl:value-of select="$name"/></namePart>
      <xsl:if test="$role ne ''">
        <role>
          <roleTerm type="text"><xsl:value-of select="$role"/></roleTerm>
          <xsl:if test="$code ne ''">
            <roleTerm type="code" authority="marcrelator"><xsl:value-of select="$code"/></roleTerm>
          </xsl:if>
        </role>
      </xsl:if>
    </name>
  </xsl:function>
</xsl:stylesheet>
