<?xml version="1.0" encoding="UTF-8"?>
<!-- Registers in plain text: a label line (the list's head, else its kind), then one line per
     entry, "name (dates); label: field; …; GND 118609807 <https://d-nb.info/gnd/118609807>".
     What an entry says comes from common/registers.xsl. Registers of the standOff follow the
     reading text under "Index". Named templates: tk:text-register, tk:text-register-entry. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template name="tk:text-register">
    <xsl:value-of select="$tk:BLOCK"/>
    <xsl:if test="not(head)"><xsl:value-of select="tk:register-label(.) || $tk:LINE"/></xsl:if>
    <xsl:apply-templates/>
    <xsl:value-of select="$tk:BLOCK"/>
  </xsl:template>

  <xsl:template name="tk:text-register-entry">
    <xsl:variable name="name" as="element()?" select="tk:entry-name-element(.)"/>
    <!-- an event's date from its attributes, unless its name says just that -->
    <xsl:variable name="dates" as="xs:string" select="string(tk:entry-dates(.)[not(. =
        tk:entry-name-element(current()) ! normalize-space(.))])"/>
    <xsl:value-of select="$tk:LINE"/>
    <xsl:choose>
      <xsl:when test="self::bibl or self::biblStruct or self::biblFull">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="string-join(($name ! tk:render(node()),
            $dates[. != ''] ! ('(' || . || ')')), ' ')"/>
        <xsl:for-each-group select="* except $name" group-adjacent="tk:entry-field-group(.)">
          <xsl:for-each select="current-group()">
            <xsl:call-template name="tk:text-entry-field">
              <xsl:with-param name="first" select="position() = 1"/>
              <xsl:with-param name="lead" select="exists($name) or $dates != ''
                  or exists(current-group()[1]/preceding-sibling::*[normalize-space()])"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="tk:authorities(.)">
      <xsl:value-of select="' ' || ?source || ' ' || ?id || ' &lt;' || ?url || '&gt;'"/>
    </xsl:for-each>
    <xsl:value-of select="$tk:LINE"/>
  </xsl:template>

  <xsl:template name="tk:text-entry-field">
    <xsl:param name="first" as="xs:boolean" select="true()"/>
    <xsl:param name="lead" as="xs:boolean" select="true()"/>
    <xsl:variable name="label" as="xs:string?" select="$tk:entry-field-labels(local-name())"/>
    <xsl:variable name="value" as="xs:string?" select="tk:entry-field-value(.)"/>
    <xsl:variable name="sep" as="xs:string" select="if (not($first)) then ', '
        else if ($lead) then '; ' else ''"/>
    <xsl:choose>
      <xsl:when test="self::idno[exists(tk:idno-authority(.))]">
        <xsl:value-of select="$sep || tk:render(.)"/>
      </xsl:when>
      <xsl:when test="tk:behaviour(.) = ('register', 'registerEntry') or tk:holds-block(.)">
        <xsl:apply-templates select="."/>
      </xsl:when>
      <xsl:when test="normalize-space(.) or normalize-space($value)">
        <xsl:value-of select="$sep || ($label[$first] ! (. || ' '))"/>
        <xsl:choose>
          <xsl:when test="exists($value)"><xsl:value-of select="$value"/></xsl:when>
          <xsl:when test="self::note">
            <xsl:value-of select="'[' || tk:render(node()) || ']'"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="tk:render(node())"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- An authority record the TEI gives: "GND 118609807 <https://d-nb.info/gnd/118609807>". -->
  <xsl:template match="idno[exists(tk:idno-authority(.))]">
    <xsl:variable name="a" as="map(*)" select="tk:idno-authority(.)"/>
    <xsl:value-of select="(if (tk:glues-before(.)) then ' ' else '') || $a?source || ' ' || $a?id
        || ' &lt;' || $a?url || '&gt;'"/>
  </xsl:template>

  <!-- The registers of the standOff, after the text. -->
  <xsl:template match="TEI" priority="20">
    <xsl:apply-templates select="node() except standOff"/>
    <xsl:apply-templates select="standOff"/>
  </xsl:template>

  <xsl:template match="TEI/standOff" priority="20">
    <xsl:variable name="registers" as="element()*" select="*[tk:behaviour(.) = 'register']"/>
    <!-- the diplomatic text reproduces the source: no index of the edition's own -->
    <xsl:if test="exists($registers) and $mode = 'reading'">
      <xsl:value-of select="$tk:BLOCK || 'Index' || $tk:BLOCK"/>
      <xsl:apply-templates select="$registers"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
