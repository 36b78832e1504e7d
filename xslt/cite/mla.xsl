<?xml version="1.0" encoding="UTF-8"?>
<!--
  MLA Handbook (9th ed.) works-cited entry, as the official CSL style
  modern-language-association renders the record's fields:
  Author. “Title.” Kind. Translated by X, Publisher, Date, Archive, Location, URL. Accessed Date.
  Correspondence gives its kind ("Telegram.") and no publisher: the publication it was
  taken from (the record's source) is a second container with the URL, as MLA cites a
  document consulted in a database: "… ll. 0088–0089. Database, URL."
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:mla" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="translators" as="xs:string*"
        select="tk:names-of($r, 'translator') ! tk:name-display(.)"/>
    <xsl:variable name="second" as="xs:boolean" select="exists($r?source) and exists($r?URL)"/>
    <xsl:variable name="container" as="xs:string" select="tk:join((
        $translators[1] ! ('translated by ' || tk:name-list($translators, 'and')),
        $r?publisher,
        tk:date-mla(tk:date-parts($r, 'issued')),
        $r?archive, $r?archive_location, $r?URL[not($second)]), ', ')"/>
    <xsl:variable name="accessed" as="xs:string?" select="if (exists($r?issued)) then ()
        else 'Accessed ' || tk:date-mla(tk:date-parts($r, 'accessed'))"/>
    <xsl:sequence select="tk:quotes-punct(tk:smart-quotes(string-join((
        tk:mla-authors($r), tk:quoted(tk:title-case($r)),
        $r?genre[$r?type = 'personal_communication'] ! tk:cap(.),
        $container ! (if (exists($r?URL) and starts-with(., $r?URL)) then . else tk:cap(.)),
        tk:join(($r?source, $r?URL), ', ')[$second],
        $accessed
      )[normalize-space()] ! tk:period(.), ' ')))"/>
  </xsl:function>

  <!-- "Family, Given", "Family, Given, and Given Family", "Family, Given, et al." -->
  <xsl:function name="tk:mla-authors" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="a" as="map(*)*" select="tk:names-of($r, 'author')"/>
    <xsl:sequence select="if (empty($a)) then ()
        else if (count($a) = 1) then tk:name-sort($a[1])
        else if (count($a) = 2) then tk:name-sort($a[1]) || ', and ' || tk:name-display($a[2])
        else tk:name-sort($a[1]) || ', et al'"/>
  </xsl:function>
</xsl:stylesheet>
