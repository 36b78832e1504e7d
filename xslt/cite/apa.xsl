<?xml version="1.0" encoding="UTF-8"?>
<!--
  APA Publication Manual (7th ed.) reference entry, as the official CSL style apa
  renders the record's fields:
  Author. (Date). Title (X, Trans.) [Letter to Y]. Publisher. Archive (Location). URL
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:apa" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="authors" as="xs:string?" select="tk:apa-authors($r)"/>
    <xsl:variable name="title" as="xs:string?" select="tk:join(($r?title,
        tk:apa-translators($r) ! ('(' || . || ', Trans.)')), ' ')[normalize-space()]"/>
    <xsl:variable name="description" as="xs:string?" select="tk:apa-description($r)"/>
    <!-- without an author, the title takes the author's place, before the date -->
    <xsl:variable name="sentences" as="xs:string*" select="
        if (exists($authors)) then ($authors, tk:apa-date($r),
            tk:join(($title, $description), ' '))
        else ($title, tk:apa-date($r), $description),
        $r?publisher,
        tk:join(($r?archive, $r?archive_location ! ('(' || . || ')')), ' ')"/>
    <xsl:variable name="text" as="xs:string"
        select="tk:smart-quotes(string-join($sentences[normalize-space()] ! tk:period(.), ' '))"/>
    <xsl:sequence select="tk:join(($text, tk:apa-url($r)), ' ')"/>
  </xsl:function>

  <!-- "Family, G.", "Family, G., &amp; Family, G.", "A, B., C, D., &amp; E, F." -->
  <xsl:function name="tk:apa-authors" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="a" as="xs:string*" select="tk:names-of($r, 'author') ! tk:name-apa(.)"/>
    <xsl:sequence select="if (empty($a)) then ()
        else if (count($a) = 1) then $a
        else string-join($a[position() lt last()], ', ') || ', &amp; ' || $a[last()]"/>
  </xsl:function>

  <xsl:function name="tk:apa-translators" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="t" as="xs:string*"
        select="tk:names-of($r, 'translator') ! tk:name-apa-display(.)"/>
    <xsl:sequence select="if (empty($t)) then () else tk:name-list($t, '&amp;')"/>
  </xsl:function>

  <!-- "(1950, July 22)"; a manuscript gives the year only; "(n.d.)" without a date. -->
  <xsl:function name="tk:apa-date" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="d" as="xs:integer*" select="tk:date-parts($r, 'issued')"/>
    <xsl:sequence select="'(' || (
        if (empty($d)) then 'n.d.'
        else if ($r?type = 'manuscript' or count($d) = 1) then string($d[1])
        else tk:join((string($d[1]), tk:join(($tk:months[$d[2]], string($d[3])), ' ')), ', ')
      ) || ')'"/>
  </xsl:function>

  <!-- "[Telegram to Y]" for correspondence (its kind, else "Letter"); "[Unpublished
       manuscript]" for one held nowhere. -->
  <xsl:function name="tk:apa-description" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="to" as="xs:string*"
        select="tk:names-of($r, 'recipient') ! tk:name-display(.)"/>
    <xsl:sequence select="
        if ($r?type = 'personal_communication')
        then '[' || tk:cap(($r?genre, 'letter')[1])
             || (if (exists($to)) then ' to ' || tk:name-list($to, '&amp;') else '')
             || ']'
        else if ($r?type = 'manuscript' and empty(($r?archive, $r?URL)))
        then '[Unpublished manuscript]' else ()"/>
  </xsl:function>

  <!-- The URL, with the retrieval date for an undated document. -->
  <xsl:function name="tk:apa-url" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="if (empty($r?URL)) then ()
        else if (exists($r?issued)) then $r?URL
        else 'Retrieved ' || tk:date-us(tk:date-parts($r, 'accessed')) || ', from ' || $r?URL"/>
  </xsl:function>
</xsl:stylesheet>
