<?xml version="1.0" encoding="UTF-8"?>
<!-- The page: head (metadata, assets), header block, toolbar, the text, footnotes, legend,
     citation block. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="tei" as="element()?" select="TEI | teiCorpus"/>
    <xsl:if test="empty($tei)">
      <xsl:sequence select="error(xs:QName('tk:E0101'),
          'not a TEI document: the root element must be tei:TEI or tei:teiCorpus')"/>
    </xsl:if>
    <xsl:variable name="lang" as="xs:string"
        select="tk:html-lang(($tei/@xml:lang, $tei/text/@xml:lang, 'en')[1])"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="tk:html-title(/)"/></title>
        <xsl:call-template name="tk:html-meta"/>
        <xsl:choose>
          <xsl:when test="$css != ''"><style><xsl:value-of select="$css"/></style></xsl:when>
          <xsl:otherwise>
            <link rel="stylesheet" href="{$assets-href}edition.css"/>
          </xsl:otherwise>
        </xsl:choose>
      </head>
      <body class="tk-reading tk-show-all">
        <a class="tk-skip" href="#tk-text">Skip to the text</a>
        <xsl:call-template name="tk:html-header"/>
        <xsl:call-template name="tk:html-toolbar"/>
        <main id="tk-text">
          <xsl:apply-templates select="$tei/descendant-or-self::TEI/text"/>
          <xsl:call-template name="tk:html-apparatus"/>
          <xsl:call-template name="tk:html-footnotes"/>
          <xsl:call-template name="tk:html-standoff"/>
        </main>
        <xsl:call-template name="tk:html-legend"/>
        <xsl:call-template name="tk:html-cite"/>
        <div id="tk-tip" role="tooltip" hidden="hidden"></div>
        <xsl:choose>
          <xsl:when test="$js != ''"><script><xsl:value-of select="$js"/></script></xsl:when>
          <xsl:otherwise><script src="{$assets-href}edition.js"></script></xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <!-- the reader's controls; hidden without JavaScript (the reading text shows) -->
  <xsl:template name="tk:html-toolbar">
    <xsl:variable name="sides" as="element()*" select="tk:html-parallel-sides(/)"/>
    <nav class="tk-toolbar" aria-label="Reading options" hidden="hidden">
      <div class="tk-group-buttons" role="group" aria-label="Text">
        <button type="button" data-tk-mode="reading" aria-pressed="true">Reading text</button>
        <button type="button" data-tk-mode="diplomatic" aria-pressed="false">Diplomatic</button>
      </div>
      <xsl:if test="count($sides) ge 2">
        <div class="tk-group-buttons" role="group" aria-label="Languages">
          <xsl:for-each select="$sides">
            <button type="button" data-tk-show="{position()}" aria-pressed="false">
              <xsl:value-of select="tk:html-lang-label(root(.), string(@xml:lang))"/>
            </button>
          </xsl:for-each>
          <button type="button" data-tk-show="all" aria-pressed="true">Both</button>
        </div>
      </xsl:if>
    </nav>
    <noscript>
      <p class="tk-noscript">The reading text is shown. The source's own readings (the
        diplomatic text) appear when you point at or focus a marked word, and in the
        list of editorial signs below.</p>
    </noscript>
  </xsl:template>
</xsl:stylesheet>
