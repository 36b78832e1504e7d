<?xml version="1.0" encoding="UTF-8"?>
<!-- Embedded metadata for reference managers and Google Scholar: Highwire Press
     citation_* tags, Dublin Core DC.* tags, and a COinS span (tk:html-coins). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="tk:html-meta">
    <xsl:variable name="title" as="xs:string" select="tk:html-title(/)"/>
    <xsl:variable name="date" as="xs:string?" select="tk:html-date(/)"/>
    <xsl:variable name="publisher" as="xs:string?" select="tk:html-publisher(/)"/>
    <xsl:variable name="langs" as="xs:string*" select="tk:html-langs(/)"/>
    <xsl:variable name="authors" as="xs:string*" select="tk:html-authors(/)"/>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$authors">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="exists($date)">
      <meta name="citation_date" content="{tk:html-highwire-date($date)}"/>
    </xsl:if>
    <xsl:if test="exists($publisher)">
      <meta name="citation_publisher" content="{$publisher}"/>
    </xsl:if>
    <xsl:for-each select="$langs">
      <meta name="citation_language" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="$public-url != ''">
      <meta name="citation_public_url" content="{$public-url}"/>
      <link rel="canonical" href="{$public-url}"/>
    </xsl:if>
    <xsl:if test="$pdf-url != ''">
      <meta name="citation_pdf_url" content="{$pdf-url}"/>
    </xsl:if>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="$authors">
      <meta name="DC.creator" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="*/teiHeader/fileDesc/titleStmt/respStmt[persName | name]">
      <meta name="DC.contributor"
          content="{normalize-space((persName | name)[1])} ({normalize-space(resp[1])})"/>
    </xsl:for-each>
    <xsl:if test="exists($date)"><meta name="DC.date" content="{$date}"/></xsl:if>
    <xsl:if test="exists($publisher)"><meta name="DC.publisher" content="{$publisher}"/></xsl:if>
    <xsl:for-each select="$langs"><meta name="DC.language" content="{.}"/></xsl:for-each>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <xsl:for-each select="*/teiHeader/profileDesc/abstract">
      <meta name="DC.description" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:for-each select="*/teiHeader/profileDesc/textClass/keywords/term">
      <meta name="DC.subject" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:for-each select="*/teiHeader/fileDesc/sourceDesc/bibl[1]
        | */teiHeader/fileDesc/sourceDesc[not(bibl)]/msDesc/msIdentifier">
      <meta name="DC.source" content="{normalize-space(string-join(.//text(), ' '))}"/>
    </xsl:for-each>
    <xsl:for-each select="(*/teiHeader/fileDesc/publicationStmt/availability)[1]">
      <meta name="DC.rights" content="{tk:html-short(normalize-space(.), 300)}"/>
    </xsl:for-each>
    <xsl:if test="$public-url != ''">
      <meta name="DC.identifier" content="{$public-url}"/>
    </xsl:if>
  </xsl:template>

  <!-- Highwire wants YYYY/MM/DD -->
  <xsl:function name="tk:html-highwire-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="if (matches($iso, '^\d{4}(-\d\d){0,2}'))
        then replace(replace($iso, '^(\d{4}(-\d\d){0,2}).*$', '$1'), '-', '/') else $iso"/>
  </xsl:function>

  <!-- COinS: an OpenURL ContextObject in a span, for Zotero's COinS translator -->
  <xsl:template name="tk:html-coins">
    <xsl:variable name="kv" as="xs:string*" select="(
        'ctx_ver=Z39.88-2004',
        'rft_val_fmt=' || encode-for-uri('info:ofi/fmt:kev:mtx:dc'),
        'rfr_id=' || encode-for-uri('info:sid/teikit'),
        'rft.type=document',
        'rft.title=' || encode-for-uri(tk:html-title(/)),
        tk:html-authors(/) ! ('rft.creator=' || encode-for-uri(.)),
        tk:html-date(/) ! ('rft.date=' || encode-for-uri(.)),
        tk:html-publisher(/) ! ('rft.publisher=' || encode-for-uri(.)),
        tk:html-langs(/) ! ('rft.language=' || encode-for-uri(.)),
        ($public-url[. != '']) ! ('rft.identifier=' || encode-for-uri(.)))"/>
    <span class="Z3988" title="{string-join($kv, '&amp;')}"></span>
  </xsl:template>
</xsl:stylesheet>
