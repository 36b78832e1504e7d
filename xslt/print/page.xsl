<?xml version="1.0" encoding="UTF-8"?>
<!-- The printed book: title page, the text (original and translation in aligned columns,
     as on screen), back matter. Only the reading of $mode is laid out: the screen page's
     other reading stays in the HTML but print.css hides it. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:variable name="tei" as="element()?" select="TEI | teiCorpus"/>
    <xsl:if test="empty($tei)">
      <xsl:sequence select="error(xs:QName('tk:E0101'),
          'not a TEI document: the root element must be tei:TEI or tei:teiCorpus')"/>
    </xsl:if>
    <xsl:variable name="checked" as="xs:string" select="tk:check-mode($mode)"/>
    <html lang="{tk:html-lang(($tei/@xml:lang, $tei/text/@xml:lang, 'en')[1])}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="tk:html-title(/)"/></title>
        <xsl:for-each select="tk:html-authors(/)">
          <meta name="author" content="{.}"/>
        </xsl:for-each>
        <xsl:for-each select="($tei/teiHeader/profileDesc/abstract)[1]">
          <meta name="description" content="{normalize-space(.)}"/>
        </xsl:for-each>
        <xsl:for-each select="($tei/teiHeader/profileDesc/textClass/keywords)[1]">
          <meta name="keywords" content="{string-join(term ! normalize-space(.), ', ')}"/>
        </xsl:for-each>
        <meta name="generator" content="teikit"/>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body class="tk-print tk-{$checked}">
        <xsl:variable name="body" as="node()*">
        <section class="tk-titlepage">
          <xsl:call-template name="tk:html-header"/>
          <p class="tk-print-mode">
            <xsl:value-of select="if ($checked = 'diplomatic')
                then 'Diplomatic text: the source as published, with its own brackets.'
                else 'Reading text: corrected and expanded; editorial signs as listed in the editorial conventions.'"/>
          </p>
        </section>
        <main class="tk-print-text" id="tk-text">
          <h2 class="tk-running">Text</h2>
          <xsl:apply-templates select="$tei/descendant-or-self::TEI/text"/>
        </main>
        <xsl:call-template name="tk:print-backmatter"/>
        </xsl:variable>
        <xsl:apply-templates select="$body" mode="tk:print-spaces"/>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
