<?xml version="1.0" encoding="UTF-8"?>
<!-- Registers (behaviour register: listPerson, listPlace, listOrg, listBibl, listEvent …) as
     structured lists, never prose: each entry (behaviour registerEntry) on a line of its own,
     its name first, its dates in words, its other fields labelled, its authority records as
     links naming their source ("GND 118609807"). What an entry says comes from
     common/registers.xsl. Named templates an edition may redefine: tk:html-register,
     tk:html-register-entry. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-register">
    <xsl:variable name="entries" as="element()*"
        select="*[tk:behaviour(.) = ('registerEntry', 'register')]"/>
    <section>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:attribute name="class" select="'tk-register-list tei-' || local-name()"/>
      <xsl:if test="not(head)">
        <h3 class="tk-register-label"><xsl:value-of select="tk:register-label(.)"/></h3>
      </xsl:if>
      <xsl:apply-templates select="* except ($entries, $entries/following-sibling::*)"/>
      <xsl:if test="exists($entries)">
        <ul class="tk-entries">
          <xsl:for-each select="$entries">
            <li><xsl:apply-templates select="."/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:apply-templates select="$entries[last()]/following-sibling::*
          except $entries"/>
    </section>
  </xsl:template>

  <xsl:template name="tk:html-register-entry">
    <xsl:variable name="name" as="element()?" select="tk:entry-name-element(.)"/>
    <!-- an event's date from its attributes, unless its name says just that -->
    <xsl:variable name="dates" as="xs:string" select="string(tk:entry-dates(.)[not(. =
        tk:entry-name-element(current()) ! normalize-space(.))])"/>
    <div>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:attribute name="class" select="'tk-entry tei-' || local-name()"/>
      <xsl:choose>
        <xsl:when test="self::bibl or self::biblStruct or self::biblFull">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="exists($name)">
            <span class="tk-entry-name"><xsl:apply-templates select="$name"/></span>
          </xsl:if>
          <xsl:if test="$dates != ''">
            <xsl:text> </xsl:text>
            <span class="tk-entry-dates"><xsl:value-of select="'(' || $dates || ')'"/></span>
          </xsl:if>
          <xsl:for-each-group select="* except $name" group-adjacent="tk:entry-field-group(.)">
            <xsl:for-each select="current-group()">
              <xsl:call-template name="tk:html-entry-field">
                <xsl:with-param name="first" select="position() = 1"/>
                <xsl:with-param name="lead" select="exists($name) or $dates != ''
                    or exists(current-group()[1]/preceding-sibling::*[normalize-space()])"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:for-each-group>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="tk:authorities(.)">
        <xsl:text> </xsl:text>
        <a class="tk-authority" href="{?url}" title="{?source}: {?url}">
          <xsl:value-of select="?source || ' ' || ?id"/>
        </a>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- One more field of an entry, labelled by its kind, after a separator (", " between the
       fields of one group, "; " between groups). -->
  <xsl:template name="tk:html-entry-field">
    <xsl:param name="first" as="xs:boolean" select="true()"/>
    <xsl:param name="lead" as="xs:boolean" select="true()"/>
    <xsl:variable name="label" as="xs:string?" select="$tk:entry-field-labels(local-name())"/>
    <xsl:variable name="value" as="xs:string?" select="tk:entry-field-value(.)"/>
    <xsl:variable name="sep" as="xs:string" select="if (not($first)) then ', '
        else if ($lead) then '; ' else ''"/>
    <xsl:choose>
      <xsl:when test="self::idno[exists(tk:idno-authority(.))]">
        <xsl:value-of select="$sep"/>
        <xsl:apply-templates select="."/>
      </xsl:when>
      <xsl:when test="tk:behaviour(.) = ('register', 'registerEntry', 'paragraph')
          or self::note or tk:html-has-block(.)">
        <div class="tk-field tk-field-block"><xsl:apply-templates select="."/></div>
      </xsl:when>
      <xsl:when test="normalize-space(.) or normalize-space($value)">
        <xsl:value-of select="$sep"/>
        <span>
          <xsl:call-template name="tk:html-attrs"/>
          <xsl:attribute name="class" select="'tk-field tei-' || local-name()"/>
          <xsl:if test="exists($label) and $first">
            <span class="tk-field-label"><xsl:value-of select="$label || ' '"/></span>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="exists($value)"><xsl:value-of select="$value"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The registers of the document's standOff, after the text (their notes stay in the
       entries, html/notes.xsl: they are not part of the text's footnotes). -->
  <xsl:template name="tk:html-standoff">
    <xsl:variable name="registers" as="element()*" select="*/standOff/*[tk:behaviour(.) = 'register']
        | */standOff/listBibl"/>
    <xsl:if test="exists($registers)">
      <section class="tk-standoff" id="tk-index" aria-labelledby="tk-index-h">
        <h2 id="tk-index-h" class="tk-running">Index</h2>
        <xsl:apply-templates select="$registers"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- An authority record (VIAF, GND, Wikidata, GeoNames) the TEI gives: a link naming its
       source, wherever the idno stands. -->
  <xsl:template match="idno[exists(tk:idno-authority(.))]">
    <xsl:variable name="a" as="map(*)" select="tk:idno-authority(.)"/>
    <xsl:if test="tk:glues-before(.)"><xsl:text> </xsl:text></xsl:if>
    <a class="tk-authority" href="{$a?url}" title="{$a?source}: {$a?url}">
      <xsl:value-of select="$a?source || ' ' || $a?id"/>
    </a>
  </xsl:template>

  <!-- The name heading an entry: its parts with spaces between them. -->
  <xsl:template match="*" mode="tk:entry-name">
    <xsl:value-of select="tk:name-string(.)"/>
  </xsl:template>

</xsl:stylesheet>
