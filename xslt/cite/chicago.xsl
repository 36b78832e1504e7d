<?xml version="1.0" encoding="UTF-8"?>
<!--
  Chicago Manual of Style (18th ed.), notes and bibliography: the full note and the
  bibliography entry, as the official CSL style chicago-notes-bibliography renders
  the record's fields (author, title, genre, recipient, translator, publisher, issued,
  archive, archive_location, URL, accessed). Correspondence reads as CMOS cites an
  archival letter: "Roshchin, “Title,” telegram to Filippov, trans. X, July 22, 1950,
  f. 558, …, RGASPI."
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <!-- Note: "Author, “Title,” to Recipient, trans. X, Publisher, Date, Location, Archive." -->
  <xsl:function name="tk:chicago-note" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="letter" as="xs:boolean" select="$r?type = 'personal_communication'"/>
    <!-- three or more authors: the first "et al." (CMOS 18 notes) -->
    <xsl:variable name="names" as="xs:string*"
        select="tk:names-of($r, 'author') ! tk:name-display(.)"/>
    <xsl:variable name="authors" as="xs:string" select="if (count($names) ge 3)
        then $names[1] || ' et al.' else tk:name-list($names, 'and')"/>
    <xsl:variable name="body" as="xs:string" select="tk:join((
        tk:quoted(tk:title-case($r)),
        tk:chicago-description($r),
        tk:chicago-manuscript($r),
        tk:chicago-translators($r) ! ('trans. ' || .),
        tk:chicago-published($r),
        $r?archive_location, $r?archive,
        tk:chicago-accessed($r) ! ('accessed ' || .), $r?URL), ', ')"/>
    <!-- a letter of no stated kind: "Sender to Recipient", the sender running into what
         follows without a comma, as the CSL style has it -->
    <xsl:sequence select="tk:quotes-punct(tk:smart-quotes(tk:period(
        tk:join(($authors, $body), if ($letter and empty($r?genre)) then ' ' else ', '))))"/>
  </xsl:function>

  <!-- Bibliography entry; empty when the style gives none (nothing to find it by). -->
  <xsl:function name="tk:chicago-bib" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="authors" as="xs:string*" select="tk:names-of($r, 'author')
        ! (if (position() = 1) then tk:name-sort(.) else tk:name-display(.))"/>
    <!-- each part a sentence; citeproc-js capitalises all but "n.d." and the URL -->
    <xsl:variable name="parts" as="xs:string*" select="(
        (: the first name inverted, so a comma precedes and even for two :)
        if (count($authors) = 2) then $authors[1] || ', and ' || $authors[2]
        else tk:name-list($authors, 'and'),
        tk:quoted(tk:title-case($r)),
        tk:chicago-description($r) ! tk:cap(.),
        tk:chicago-manuscript($r) ! tk:cap(.),
        tk:chicago-translators($r) ! ('Translated by ' || .),
        tk:chicago-published($r),
        $r?archive_location ! tk:cap(.),
        $r?archive ! tk:cap(.),
        tk:chicago-accessed($r) ! ('Accessed ' || .),
        $r?URL)[normalize-space()]"/>
    <xsl:sequence select="if (empty(($r?archive, $r?publisher, $r?URL))) then ''
        else tk:quotes-punct(tk:smart-quotes(tk:period(string-join($parts ! tk:period(.), ' '))))"/>
  </xsl:function>

  <!-- A letter's description: its kind and recipients, "telegram to Filippov". -->
  <xsl:function name="tk:chicago-description" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="names" as="xs:string*"
        select="tk:names-of($r, 'recipient') ! tk:name-display(.)"/>
    <xsl:sequence select="if ($r?type = 'personal_communication')
        then tk:join(($r?genre, $names[1] ! ('to ' || tk:name-list($names, 'and'))), ' ')
             [normalize-space()]
        else ()"/>
  </xsl:function>

  <xsl:function name="tk:chicago-translators" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="names" as="xs:string*"
        select="tk:names-of($r, 'translator') ! tk:name-display(.)"/>
    <xsl:sequence select="if (exists($names)) then tk:name-list($names, 'and') else ()"/>
  </xsl:function>

  <!-- A manuscript neither held in a named archive nor online is "unpublished". -->
  <xsl:function name="tk:chicago-manuscript" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="if ($r?type = 'manuscript' and empty(($r?archive, $r?URL)))
        then 'unpublished manuscript' else ()"/>
  </xsl:function>

  <!-- "Publisher, Date" (n.d. without a date). -->
  <xsl:function name="tk:chicago-published" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="tk:join(($r?publisher,
        (tk:date-us(tk:date-parts($r, 'issued')), 'n.d.')[1]), ', ')"/>
  </xsl:function>

  <!-- The access date is given only for an undated online document. -->
  <xsl:function name="tk:chicago-accessed" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="if (exists($r?URL) and empty($r?issued))
        then tk:date-us(tk:date-parts($r, 'accessed')) else ()"/>
  </xsl:function>
</xsl:stylesheet>
