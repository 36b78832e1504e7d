<?xml version="1.0" encoding="UTF-8"?>
<!-- The header block: what the teiHeader says about the document, generic for any TEI
     (every field is shown only when the header has it). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-header">
    <xsl:variable name="h" as="element()?" select="*/teiHeader"/>
    <xsl:variable name="corresp" as="element()?" select="($h/profileDesc/correspDesc)[1]"/>
    <xsl:variable name="first-text" as="element()?" select="(//TEI/text//text[@xml:lang], TEI/text)[1]"/>
    <header class="tk-header">
      <xsl:choose>
        <xsl:when test="$site-slot">
          <xsl:comment>tk-site</xsl:comment><xsl:comment>/tk-site</xsl:comment>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="$home-href != ''">
            <p class="tk-home"><a href="{$home-href}">All documents</a></p>
          </xsl:if>
          <xsl:if test="$pdf-href != ''">
            <p class="tk-pdf"><a href="{$pdf-href}" type="application/pdf">PDF</a> (print edition)</p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <h1><xsl:value-of select="tk:html-title(/)"/></h1>
      <!-- the source's acknowledgement of its funder, under the title as on its page -->
      <xsl:for-each select="$h/fileDesc/notesStmt/note[@type = ('funding', 'acknowledgement',
          'acknowledgment')]">
        <p class="tk-funding"><xsl:apply-templates mode="tk:header"/></p>
      </xsl:for-each>
      <xsl:call-template name="tk:html-coins"/>
      <dl class="tk-meta">
        <xsl:for-each select="tk:series-titles(/)">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="if (@level = 'j') then 'Journal'
                else if (@level = 'm') then 'Published in' else 'Series'"/>
            <xsl:with-param name="value" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="tk:html-field">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value" select="($corresp/correspAction[@type = 'sent']/date,
              $h/profileDesc/creation//date, $h/fileDesc/sourceDesc//date)[1]
              ! tk:html-date-label(.)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:html-field">
          <xsl:with-param name="label" select="'Place'"/>
          <xsl:with-param name="value" select="tk:html-place(/)"/>
        </xsl:call-template>
        <xsl:for-each select="$corresp/correspAction">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="if (@type = 'sent') then 'From'
                else if (@type = 'received') then 'To' else concat(
                upper-case(substring(@type, 1, 1)), substring(@type, 2))"/>
            <xsl:with-param name="value" select="string-join((persName | orgName | name)
                ! normalize-space(.), '; ')[. != '']"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/titleStmt/author">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="'Author'"/>
            <xsl:with-param name="value" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="('classification', 'urgency')">
          <xsl:variable name="type" as="xs:string" select="."/>
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="if ($type = 'urgency') then 'Urgency'
                else 'Classification'"/>
            <xsl:with-param name="value" select="string-join(distinct-values(
                $first-text/root()//text[@xml:lang]//seg[@type = $type]
                ! normalize-space(tk:html-read-string(.))), ' / ')[. != '']"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/sourceDesc/msDesc/msIdentifier">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="'Archival source'"/>
            <xsl:with-param name="value" select="tk:html-ms-id(.)"/>
          </xsl:call-template>
          <xsl:for-each select="altIdentifier">
            <xsl:call-template name="tk:html-field">
              <xsl:with-param name="label" select="'Copy'"/>
              <xsl:with-param name="value" select="tk:html-ms-id(.)"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/sourceDesc/bibl[not(@type = 'source-citation')][1]">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="'Source'"/>
            <xsl:with-param name="value" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/titleStmt/respStmt">
          <xsl:variable name="translator" as="xs:boolean" select="tk:html-is-translation(.)"/>
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="if ($translator) then 'Translator'
                else 'Responsibility'"/>
            <xsl:with-param name="value" select="normalize-space((persName | orgName | name)[1])
                || (if ($translator or empty(resp)) then '' else
                ' — ' || string-join(distinct-values(resp ! normalize-space()), ' / '))"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/publicationStmt/(publisher, distributor)">
          <xsl:call-template name="tk:html-field">
            <xsl:with-param name="label" select="'Publisher'"/>
            <xsl:with-param name="value" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </dl>
      <xsl:for-each select="$h/fileDesc/sourceDesc/msDesc">
        <details class="tk-msdesc">
          <summary>Manuscript description</summary>
          <xsl:apply-templates select="."/>
        </details>
      </xsl:for-each>
      <xsl:for-each select="$h/profileDesc/abstract">
        <div class="tk-abstract"><xsl:apply-templates mode="tk:header"/></div>
      </xsl:for-each>
      <xsl:if test="$h/fileDesc/publicationStmt/availability">
        <details class="tk-rights">
          <summary>Rights</summary>
          <xsl:for-each select="$h/fileDesc/publicationStmt/availability">
            <div><xsl:apply-templates mode="tk:header"/></div>
          </xsl:for-each>
        </details>
      </xsl:if>
    </header>
  </xsl:template>

  <xsl:template name="tk:html-field">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <div><dt><xsl:value-of select="$label"/></dt><dd><xsl:value-of select="$value"/></dd></div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="p" mode="tk:header"><p><xsl:apply-templates mode="#current"/></p></xsl:template>
  <xsl:template match="licence[@target]" mode="tk:header">
    <a href="{@target}"><xsl:apply-templates mode="#current"/></a>
    <xsl:if test="not(normalize-space(.))"><xsl:value-of select="@target"/></xsl:if>
  </xsl:template>

  <xsl:function name="tk:html-ms-id" as="xs:string">
    <xsl:param name="id" as="element()"/>
    <xsl:variable name="russian" as="xs:string?" select="tk:russian-shelfmark($id)"/>
    <xsl:sequence select="if (exists($russian))
        then string-join(($id/repository ! normalize-space(.), $russian), ', ')
             || string-join(($id/settlement, $id/country)[normalize-space()]
                ! normalize-space(.), ', ') ! (if (. ne '') then ' (' || . || ')' else '')
        else string-join(($id/(settlement, repository, collection)
        ! normalize-space(.), $id/idno ! (if (@type) then @type || ' ' || normalize-space(.)
        else normalize-space(.))), ', ')"/>
  </xsl:function>

  <xsl:function name="tk:html-date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="if (normalize-space($d)) then normalize-space($d)
        else if ($d/@when castable as xs:date) then
          format-date(xs:date($d/@when), '[D] [MNn] [Y]', 'en', (), ())
        else string(($d/@when, $d/@notBefore, $d/@from)[1])"/>
  </xsl:function>

  <!-- the reading text of an element as a string (choice: corr, reg, expan) -->
  <xsl:function name="tk:html-read-string" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="s" as="xs:string*">
      <xsl:apply-templates select="$e/node()" mode="tk:read-text"/>
    </xsl:variable>
    <xsl:sequence select="string-join($s, '')"/>
  </xsl:function>
</xsl:stylesheet>
