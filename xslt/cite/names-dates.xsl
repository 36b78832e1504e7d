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
  <!-- Words citeproc-js keeps lower case in English title case (its SKIP_WORDS). -->
  <xsl:variable name="tk:stop-words" as="xs:string+" select="('about', 'above', 'across',
      'afore', 'after', 'against', 'al', 'along', 'alongside', 'amid', 'amidst', 'among',
      'amongst', 'anenst', 'apropos', 'apud', 'around', 'as', 'aside', 'astride', 'at',
      'athwart', 'atop', 'barring', 'before', 'behind', 'below', 'beneath', 'beside',
      'besides', 'between', 'beyond', 'but', 'by', 'circa', 'despite', 'down', 'during', 'et',
      'except', 'for', 'forenenst', 'from', 'given', 'in', 'inside', 'into', 'lest', 'like',
      'modulo', 'near', 'next', 'notwithstanding', 'of', 'off', 'on', 'onto', 'out', 'over',
      'per', 'plus', 'pro', 'qua', 'sans', 'since', 'than', 'through', 'throughout', 'thruout',
      'till', 'to', 'toward', 'towards', 'under', 'underneath', 'until', 'unto', 'up', 'upon',
      'versus', 'vs', 'v', 'via', 'vis-à-vis', 'with', 'within', 'without', 'or', 'yet', 'so',
      'and', 'nor', 'a', 'an', 'the', 'de', 'von', 'van', 'c', 'ca')"/>
  <!-- What splits a title into word runs for title case (quotes, dashes, punctuation). -->
  <xsl:variable name="tk:case-breaks" as="xs:string"
      select="'‘|’|“|”| &quot;| ''|&quot;|''|[\-–—/.,;?!:]|\[|\]|\(|\)'"/>

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
    <xsl:sequence select="if ($s = '' or matches($s, '\.[”’]?$')) then $s else $s || '.'"/>
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

  <!--
    Typography as citeproc-js gives it: typographic quotation marks and apostrophes for
    straight ones, a narrow no-break space before : ; ? ! and », "N.d." at the start.
  -->
  <xsl:function name="tk:smart-quotes" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '&quot;([^&quot;]*)&quot;', '“$1”')
        => replace(&quot;'&quot;, '’')
        => replace(' ([:;?!»])', '&#x202F;$1') => replace('« ', '«&#x202F;')
        => replace('^(\(?)n\.d\.', '$1N.d.')"/>
  </xsl:function>

  <!-- English title case as citeproc-js applies it (only for English or unmarked items). -->
  <xsl:function name="tk:title-case" as="xs:string?">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="title" as="xs:string?" select="$r?title"/>
    <xsl:variable name="lang" as="xs:string" select="string($r?language)"/>
    <xsl:sequence select="if (empty($title) or not($lang = '' or starts-with(lower-case($lang),
        'en'))) then $title else tk:title-case-en($title)"/>
  </xsl:function>

  <!--
    Title case: every word in lower case is capitalised unless it is one letter long
    or a stop word; the first word, a word after ! ? or :, a word before a hyphen and a
    last stop word are capitalised all the same. Words with a capital are kept.
  -->
  <xsl:function name="tk:title-case-en" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="pieces" as="element()*">
      <xsl:analyze-string select="$title" regex="{$tk:case-breaks}">
        <xsl:matching-substring><tk:break><xsl:value-of select="."/></tk:break></xsl:matching-substring>
        <xsl:non-matching-substring><tk:run><xsl:value-of select="."/></tk:run></xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:variable name="cased" as="element()*">
      <xsl:iterate select="$pieces">
        <xsl:param name="first" as="xs:boolean" select="true()"/>
        <xsl:param name="after-punct" as="xs:boolean" select="false()"/>
        <xsl:variable name="piece" as="element()" select="."/>
        <xsl:choose>
          <xsl:when test="self::tk:break">
            <xsl:sequence select="$piece"/>
            <xsl:next-iteration>
              <xsl:with-param name="after-punct"
                  select="$after-punct or matches(string($piece), '[!?:]$')"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="words" as="xs:string*" select="tokenize(string($piece), ' ')"/>
            <xsl:variable name="last" as="xs:integer" select="(index-of($words ! boolean(.),
                true())[last()], 0)[1]"/>
            <xsl:variable name="next-hyphen" as="xs:boolean"
                select="string($piece/following-sibling::*[1][self::tk:break]) = '-'"/>
            <xsl:variable name="start" as="xs:integer"
                select="(index-of($words ! boolean(.), true())[1], 0)[1]"/>
            <tk:run>
              <xsl:value-of select="string-join(for $i in 1 to count($words) return
                  let $w := $words[$i] return
                  if ($w = '' or $w != lower-case($w)) then $w
                  else if ((string-length($w) gt 1 and not($w = $tk:stop-words))
                           or ($i = $last and $next-hyphen)
                           or ($i = $start and ($first or $after-punct)))
                  then tk:cap($w) else $w, ' ')"/>
            </tk:run>
            <xsl:next-iteration>
              <xsl:with-param name="first" select="$first and $start = 0"/>
              <xsl:with-param name="after-punct" select="$after-punct and $start = 0"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <!-- a stop word that ends the title is capitalised (a title may hold no word) -->
    <xsl:variable name="end" as="xs:integer?"
        select="(for $i in 1 to count($cased) return
                 $i[$cased[$i]/self::tk:run[normalize-space()]])[last()]"/>
    <xsl:sequence select="string-join(for $i in 1 to count($cased) return
        if ($i = $end) then tk:cap-last-stop-word(string($cased[$i])) else string($cased[$i]))"/>
  </xsl:function>

  <xsl:function name="tk:cap-last-stop-word" as="xs:string">
    <xsl:param name="run" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize($run, ' ')"/>
    <xsl:variable name="last" as="xs:integer?"
        select="index-of($words ! boolean(.), true())[last()]"/>
    <xsl:sequence select="string-join(for $i in 1 to count($words) return
        if ($i = $last and string-length($words[$i]) gt 1
            and lower-case($words[$i]) = $tk:stop-words)
        then tk:cap($words[$i]) else $words[$i], ' ')"/>
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
