<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared building blocks of the citation styles: joining parts, names, dates, title
  case. They follow what the official CSL styles (as rendered by citeproc-js) do with
  the fields the record builder produces.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:months" as="xs:string+" select="('January', 'February', 'March',
      'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
      'December')"/>
  <!-- MLA 9 month abbreviations. -->
  <xsl:variable name="tk:mla-months" as="xs:string+" select="('Jan.', 'Feb.', 'Mar.', 'Apr.',
      'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.')"/>
  <!-- Words citeproc-js keeps lower case in English title case (unless first). -->
  <xsl:variable name="tk:stop-words" as="xs:string+" select="('a', 'according', 'across',
      'after', 'against', 'along', 'alongside', 'amid', 'among', 'an', 'and', 'around', 'as',
      'aside', 'at', 'before', 'behind', 'below', 'beneath', 'beside', 'besides', 'between',
      'beyond', 'but', 'by', 'circa', 'down', 'during', 'except', 'for', 'from', 'given', 'in',
      'inside', 'into', 'like', 'near', 'nor', 'of', 'off', 'on', 'onto', 'or', 'out', 'over',
      'per', 'plus', 'since', 'so', 'than', 'the', 'through', 'till', 'to', 'toward', 'towards',
      'under', 'until', 'unto', 'up', 'upon', 'versus', 'via', 'with', 'within', 'without',
      'yet')"/>

  <!-- The non-empty parts joined by $sep. -->
  <xsl:function name="tk:join" as="xs:string">
    <xsl:param name="parts" as="xs:string*"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:sequence select="string-join($parts[normalize-space()], $sep)"/>
  </xsl:function>

  <!-- Upper-case the first letter. -->
  <xsl:function name="tk:cap" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- Add a final period unless the text already ends with one. -->
  <xsl:function name="tk:period" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if ($s = '' or ends-with($s, '.')) then $s else $s || '.'"/>
  </xsl:function>

  <!-- Move a comma or period after a closing quote inside it (American usage). -->
  <xsl:function name="tk:quotes-punct" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '”([,.])', '$1”')"/>
  </xsl:function>

  <!-- In quotation marks; quotation marks inside become single ones. -->
  <xsl:function name="tk:quoted" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="$s[normalize-space()] ! ('“' || translate(tk:smart-quotes(.), '“”',
        '‘’') || '”')"/>
  </xsl:function>

  <!-- Typographic quotation marks and apostrophes for straight ones (as citeproc-js). -->
  <xsl:function name="tk:smart-quotes" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '&quot;([^&quot;]*)&quot;', '“$1”')
        => replace(&quot;'&quot;, '’')"/>
  </xsl:function>

  <!-- English title case as citeproc-js applies it (only for English or unmarked items;
       only words in lower-case Latin letters are capitalised). -->
  <xsl:function name="tk:title-case" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="title" as="xs:string?" select="$r?title"/>
    <xsl:variable name="lang" as="xs:string" select="string($r?language)"/>
    <xsl:choose>
      <xsl:when test="empty($title) or not($lang = '' or starts-with(lower-case($lang), 'en'))">
        <xsl:sequence select="$title"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="words" as="xs:string*" select="tokenize($title, ' ')"/>
        <xsl:sequence select="string-join(for $i in 1 to count($words) return
            let $w := $words[$i] return
            if ($w != lower-case($w) or not(matches($w, '^[a-z]'))) then $w
            else if ($i gt 1 and $w = $tk:stop-words) then $w
            else tk:cap($w), ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Names. -->
  <xsl:function name="tk:name-display" as="xs:string">
    <xsl:param name="n" as="map(*)"/>
    <xsl:sequence select="($n?literal, tk:join(($n?given, $n?family), ' '))[1]"/>
  </xsl:function>

  <xsl:function name="tk:name-sort" as="xs:string">
    <xsl:param name="n" as="map(*)"/>
    <xsl:sequence select="($n?literal, tk:join(($n?family, $n?given), ', '))[1]"/>
  </xsl:function>

  <!-- "A. B." from "Arthur Bernhard"; "H.-P." from "Hans-Peter". -->
  <xsl:function name="tk:initials" as="xs:string">
    <xsl:param name="given" as="xs:string?"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($given), ' ') !
        string-join(tokenize(., '-') ! (substring(., 1, 1) || '.'), '-'), ' ')"/>
  </xsl:function>

  <xsl:function name="tk:name-apa" as="xs:string">
    <xsl:param name="n" as="map(*)"/>
    <xsl:sequence select="($n?literal, tk:join(($n?family, tk:initials($n?given)), ', '))[1]"/>
  </xsl:function>

  <xsl:function name="tk:name-apa-display" as="xs:string">
    <xsl:param name="n" as="map(*)"/>
    <xsl:sequence select="($n?literal, tk:join((tk:initials($n?given), $n?family), ' '))[1]"/>
  </xsl:function>

  <!-- "A", "A and B", "A, B, and C" ($and is the conjunction, e.g. "and" or "&amp;"). -->
  <xsl:function name="tk:name-list" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:param name="and" as="xs:string"/>
    <xsl:sequence select="if (count($names) le 1) then string($names[1])
        else if (count($names) = 2) then $names[1] || ' ' || $and || ' ' || $names[2]
        else string-join($names[position() lt last()], ', ') || ', ' || $and || ' '
             || $names[last()]"/>
  </xsl:function>

  <xsl:function name="tk:names-of" as="map(*)*">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="if (map:contains($r, $key)) then array:flatten($r($key)) else ()"/>
  </xsl:function>

  <!-- Date parts of a CSL date variable ("issued", "accessed"). -->
  <xsl:function name="tk:date-parts" as="xs:integer*">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$r($key)?('date-parts')?1?*"/>
  </xsl:function>

  <!-- "July 22, 1950", "July 1950", "1950". -->
  <xsl:function name="tk:date-us" as="xs:string?">
    <xsl:param name="d" as="xs:integer*"/>
    <xsl:sequence select="if (empty($d)) then ()
        else if (count($d) = 1) then string($d[1])
        else if (count($d) = 2) then $tk:months[$d[2]] || ' ' || $d[1]
        else $tk:months[$d[2]] || ' ' || $d[3] || ', ' || $d[1]"/>
  </xsl:function>

  <!-- MLA: "22 July 1950", "Sept. 1912", "1950". -->
  <xsl:function name="tk:date-mla" as="xs:string?">
    <xsl:param name="d" as="xs:integer*"/>
    <xsl:sequence select="if (empty($d)) then ()
        else tk:join((string($d[3]), $tk:mla-months[$d[2]], string($d[1])), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
