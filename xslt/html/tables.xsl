<?xml version="1.0" encoding="UTF-8"?>
<!-- Tables and figures: table/row/cell as an HTML table (a head as its caption, cells with
     @role="label" as header cells, @cols/@rows as spans); figure with its graphic (img, when
     @url gives an address) and its head and figDesc as the caption. Named templates an
     edition may redefine: tk:html-table, tk:html-table-row, tk:html-table-cell,
     tk:html-figure, tk:html-graphic. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-table">
    <xsl:variable name="parts" as="element()*" select="head | row"/>
    <table>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:if test="head">
        <caption><xsl:for-each select="head"><xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates/></xsl:for-each></caption>
      </xsl:if>
      <tbody>
        <xsl:apply-templates select="row"/>
      </tbody>
    </table>
    <!-- whatever else the table holds (notes, milestones, stray text) stays after it -->
    <xsl:if test="node() except $parts">
      <div class="tk-table-rest"><xsl:apply-templates select="node() except $parts"/></div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:html-table-row">
    <tr>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates select="cell"/>
    </tr>
    <xsl:if test="node()[not(self::cell)][self::* or normalize-space()]">
      <tr class="tk-row-rest"><td colspan="{max((1, count(cell)))}">
        <xsl:apply-templates select="node()[not(self::cell)]"/></td></tr>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:html-table-cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tk:html-figure">
    <xsl:variable name="caption" as="element()*" select="head | figDesc"/>
    <figure>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates select="node() except $caption"/>
      <xsl:if test="exists($caption)">
        <figcaption>
          <xsl:for-each select="$caption">
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <span class="tei-{local-name()}"><xsl:apply-templates/></span>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template name="tk:html-graphic">
    <xsl:choose>
      <!-- a relative address names a file the site does not carry: named, not linked -->
      <xsl:when test="self::graphic[normalize-space(@url)][not(matches(normalize-space(@url), '^(https?|data):'))]">
        <span class="tk-graphic-ref">[image: <xsl:value-of select="normalize-space(@url)"/>]</span>
        <xsl:for-each select="desc">
          <span class="tk-graphic-desc"><xsl:apply-templates/></span>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="self::graphic[normalize-space(@url)]">
        <img src="{normalize-space(@url)}" alt="{normalize-space((desc, ../figDesc, '')[1])}"
            loading="lazy">
          <xsl:call-template name="tk:html-attrs"/>
        </img>
        <xsl:for-each select="desc">
          <span class="tk-graphic-desc"><xsl:apply-templates/></span>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
        <xsl:apply-templates select="desc"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
