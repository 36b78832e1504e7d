<?xml version="1.0" encoding="UTF-8"?>
<!--
  BibTeX entry (UTF-8, readable by BibTeX and biblatex): @misc with author, title,
  year/month/date, translator, publisher, note (the archive and its shelfmark, e.g.
  "RGASPI, f. 558, op. 11, d. 334, ll. 0088–0089"), addendum (other copies), language,
  url and urldate.
  Names the header gives unsplit are braced so BibTeX does not split them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:bib-months" as="xs:string+"
      select="('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov',
               'dec')"/>

  <xsl:function name="tk:bibtex" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="d" as="xs:integer*" select="tk:date-parts($r, 'issued')"/>
    <xsl:variable name="fields" as="xs:string*" select="(
        tk:bib-field('author', tk:bib-names($r, 'author')),
        (: always a title, empty when the header has none, so the entry is never empty :)
        '  title = {' || ($r?title ! ('{' || tk:bib-escape(.) || '}')) || '}',
        tk:bib-field('year', string($d[1])),
        $tk:bib-months[$d[2]] ! ('  month = ' || .),
        tk:bib-field('date', tk:iso-date($d)),
        tk:bib-field('translator', tk:bib-names($r, 'translator')),
        tk:bib-field('publisher', ($r?publisher, $r?source)[1] ! tk:bib-escape(.)),
        tk:bib-field('note', tk:archival-reference($r) ! tk:bib-escape(.)),
        tk:bib-field('addendum', $r?note ! tk:bib-escape(.)),
        tk:bib-field('language', $r?language),
        tk:bib-field('url', $r?URL),
        tk:bib-field('urldate', $r?URL ! tk:iso-date(tk:date-parts($r, 'accessed'))))"/>
    <xsl:sequence select="'@misc{' || replace($r?id, '[^A-Za-z0-9_:.\-]', '') || ',&#10;'
        || string-join($fields, ',&#10;') || '&#10;}&#10;'"/>
  </xsl:function>

  <xsl:function name="tk:bib-field" as="xs:string?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[normalize-space()] ! ('  ' || $name || ' = {' || . || '}')"/>
  </xsl:function>

  <!-- "Family, Given and {Literal Name}". -->
  <xsl:function name="tk:bib-names" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="names" as="xs:string*" select="tk:names-of($r, $key) !
        (if (exists(?literal)) then '{' || tk:bib-escape(?literal) || '}'
         else tk:bib-escape(tk:name-sort(.)))"/>
    <xsl:sequence select="if (empty($names)) then () else string-join($names, ' and ')"/>
  </xsl:function>

  <!-- TeX special characters escaped; all other characters kept (UTF-8). -->
  <xsl:function name="tk:bib-escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '\\', '\\textbackslash ')
        => replace('([{}&amp;%$#_])', '\\$1')
        => replace('~', '\\textasciitilde{}')
        => replace('\^', '\\textasciicircum{}')"/>
  </xsl:function>

  <!-- "1950-07-22", "1950-07", "1950". -->
  <xsl:function name="tk:iso-date" as="xs:string?">
    <xsl:param name="d" as="xs:integer*"/>
    <xsl:sequence select="if (empty($d)) then ()
        else string-join((format-number($d[1], '0000'),
                          $d[position() gt 1] ! format-number(., '00')), '-')"/>
  </xsl:function>

  <!-- The archive and its shelfmark: "RGASPI, f. 558, op. 11, d. 334, ll. 0088–0089". -->
  <xsl:function name="tk:archival-reference" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="tk:join(($r?archive, $r?archive_location), ', ')[normalize-space()]"/>
  </xsl:function>
</xsl:stylesheet>
