<?xml version="1.0" encoding="UTF-8"?>
<!--
  RIS record. Tags follow the RIS specification as Zotero's RIS translator reads and
  writes them: TY PCOMM (correspondence), MANSCPT (manuscript) or GEN; AU author;
  A2 recipient (correspondence); A4 translator; TI title; DA date (YYYY/MM/DD/);
  PY year; PB publisher; DB archive; AN location in the archive; N1 the full archival
  reference ("RGASPI, f. 558, op. 11, d. 334, ll. 0088–0089") and, in a second N1, other
  copies; LA; UR; Y2 accessed; ER.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:ris" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="d" as="xs:integer*" select="tk:date-parts($r, 'issued')"/>
    <xsl:variable name="lines" as="xs:string*" select="(
        tk:ris-line('TY', if ($r?type = 'personal_communication') then 'PCOMM'
                          else if ($r?type = 'manuscript') then 'MANSCPT' else 'GEN'),
        tk:ris-line('ID', $r?id),
        tk:names-of($r, 'author') ! tk:ris-line('AU', tk:name-sort(.)),
        if ($r?type = 'personal_communication')
        then tk:names-of($r, 'recipient') ! tk:ris-line('A2', tk:name-sort(.)) else (),
        tk:names-of($r, 'translator') ! tk:ris-line('A4', tk:name-sort(.)),
        tk:ris-line('TI', $r?title),
        tk:ris-line('PY', string($d[1])),
        tk:ris-line('DA', tk:ris-date($d)),
        tk:ris-line('PB', ($r?publisher, $r?source)[1]),
        tk:ris-line('DB', $r?archive),
        tk:ris-line('AN', $r?archive_location),
        tk:ris-line('N1', tk:archival-reference($r)),
        tk:ris-line('N1', $r?note),
        tk:ris-line('LA', $r?language),
        tk:ris-line('UR', $r?URL),
        tk:ris-line('Y2', $r?URL ! tk:ris-date(tk:date-parts($r, 'accessed'))),
        'ER  - ')"/>
    <xsl:sequence select="string-join($lines, '&#10;') || '&#10;'"/>
  </xsl:function>

  <xsl:function name="tk:ris-line" as="xs:string?">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[normalize-space()] ! ($tag || '  - ' || normalize-space(.))"/>
  </xsl:function>

  <!-- "1950/07/22/", "1950/07//", "1950///". -->
  <xsl:function name="tk:ris-date" as="xs:string?">
    <xsl:param name="d" as="xs:integer*"/>
    <xsl:sequence select="if (empty($d)) then ()
        else format-number($d[1], '0000') || '/' || ($d[2] ! format-number(., '00')) || '/'
             || ($d[3] ! format-number(., '00')) || '/'"/>
  </xsl:function>
</xsl:stylesheet>
