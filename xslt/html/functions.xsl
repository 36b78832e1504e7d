<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions of the HTML output: what the header says (title, date, place, people),
     who a @resp points to, whether an element renders as a block. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:key name="tk:html-id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="tk:html-corresp" match="*[@corresp]"
      use="tokenize(@corresp) ! substring-after(., '#')"/>

  <!-- TEI elements rendered as blocks (div) are those whose behaviour makes a block where
       they stand (common/behaviours.xsl); everything else is inline (span) unless it holds a
       block -->
  <xsl:function name="tk:html-is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="namespace-uri($e) = 'http://www.tei-c.org/ns/1.0' and tk:is-block($e)"/>
  </xsl:function>

  <!-- does $e contain a block (notes excluded: they move to the footnotes)? -->
  <xsl:function name="tk:html-has-block" as="xs:boolean" cache="yes">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="some $c in $e/*[not(self::note)]
        satisfies (tk:html-is-block($c) or tk:html-has-block($c))"/>
  </xsl:function>

  <!-- a stable, unique id suffix for an element: its number in document order (unlike
       generate-id(), the same in every run, so pages are reproducible) -->
  <xsl:accumulator name="tk:html-seq" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="tk:html-uid" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'e' || $e ! accumulator-before('tk:html-seq')"/>
  </xsl:function>

  <!-- the respStmt (or other element) a @resp points to -->
  <xsl:function name="tk:html-resp" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="for $t in tokenize($e/@resp) return
        key('tk:html-id', substring-after($t, '#'), root($e))"/>
  </xsl:function>

  <!-- a human label for a @resp: "this edition", "the translator (Name)", or the name -->
  <xsl:function name="tk:html-resp-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="r" as="element()*" select="tk:html-resp($e)"/>
    <xsl:sequence select="if (empty($r)) then
          (if ($e/@resp) then string($e/@resp) else 'the source')
        else string-join(for $x in $r return tk:html-resp-name($x), '; ')"/>
  </xsl:function>

  <xsl:function name="tk:html-resp-name" as="xs:string">
    <xsl:param name="x" as="element()"/>
    <xsl:variable name="name" as="xs:string"
        select="normalize-space(($x/(persName | orgName | name), $x)[1])"/>
    <xsl:sequence select="if ($x/@xml:id = $tk:edition-resp) then 'this edition (' || $name || ')'
        else if (tk:html-is-translation($x)) then 'the translator (' || $name || ')'
        else tk:html-short($name, 120)"/>
  </xsl:function>

  <!-- Is a respStmt (of one or more resp) a translator's? -->
  <xsl:function name="tk:html-is-translation" as="xs:boolean">
    <xsl:param name="r" as="element()"/>
    <xsl:sequence select="some $resp in $r/resp satisfies
        matches($resp, '^\s*transl|translator', 'i')"/>
  </xsl:function>

  <xsl:function name="tk:html-short" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $max) then $s
        else concat(substring($s, 1, $max - 1), '…')"/>
  </xsl:function>

  <!-- the register anchor of an entity reference: a local '#id' gives the id; a URL gives
       'ext-' + the URL with every character outside [A-Za-z0-9_-] replaced by '_'
       (toolkit.site.entity_key computes the same) -->
  <xsl:function name="tk:html-entity-key" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:variable name="r" as="xs:string" select="normalize-space(tokenize($ref)[1])"/>
    <xsl:sequence select="if (starts-with($r, '#')) then substring($r, 2)
        else concat('ext-', replace($r, '[^A-Za-z0-9_\-]', '_'))"/>
  </xsl:function>

  <!-- ===== what the header says ===== -->
  <xsl:function name="tk:html-title" as="xs:string">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="t" as="element()?" select="tk:doc-title-element($root)"/>
    <xsl:variable name="s" as="xs:string*">
      <xsl:apply-templates select="$t/node()" mode="tk:dipl-text"/>
    </xsl:variable>
    <xsl:sequence select="(normalize-space(string-join($s, ''))[. != ''],
        'Untitled document')[1]"/>
  </xsl:function>

  <xsl:function name="tk:html-sent" as="element()*">
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="($root/*/teiHeader/profileDesc/correspDesc)[1]
        /correspAction[@type = 'sent']"/>
  </xsl:function>

  <!-- the document's date (ISO when known), from correspDesc, creation, or sourceDesc -->
  <xsl:function name="tk:html-date" as="xs:string?">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="h" as="element()?" select="$root/*/teiHeader"/>
    <xsl:variable name="d" as="element()?" select="(tk:html-sent($root)/date,
        $h/profileDesc/creation//date, $h/fileDesc/sourceDesc//date,
        $h/fileDesc/publicationStmt/date)[1]"/>
    <xsl:sequence select="($d/@when, $d/@notBefore, $d/@from, $d/@when-iso,
        normalize-space($d)[. != ''])[1] ! string(.)"/>
  </xsl:function>

  <xsl:function name="tk:html-place" as="xs:string?">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="h" as="element()?" select="$root/*/teiHeader"/>
    <xsl:sequence select="(tk:html-sent($root)/placeName, $h/profileDesc/creation//placeName,
        $h/profileDesc/settingDesc//placeName)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- authors: titleStmt/author, else the sender of the correspondence -->
  <xsl:function name="tk:html-authors" as="xs:string*">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="a" as="element()*"
        select="$root/*/teiHeader/fileDesc/titleStmt/author"/>
    <xsl:sequence select="(if ($a) then $a else tk:html-sent($root)/(persName | orgName | name))
        ! normalize-space(string-join(.//text()[not(ancestor::note)], ''))[. != '']"/>
  </xsl:function>

  <xsl:function name="tk:html-publisher" as="xs:string?">
    <xsl:param name="root" as="document-node()"/>
    <xsl:sequence select="($root/*/teiHeader/fileDesc/publicationStmt/(publisher, distributor,
        authority))[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- the languages of the text: langUsage, else xml:lang of the text and its parts -->
  <xsl:function name="tk:html-langs" as="xs:string*">
    <xsl:param name="root" as="document-node()"/>
    <xsl:variable name="u" as="xs:string*"
        select="$root/*/teiHeader/profileDesc/langUsage/language/@ident"/>
    <xsl:sequence select="if (exists($u)) then distinct-values($u) else distinct-values((
        $root//TEI/text/@xml:lang, $root//TEI/text/group/text/@xml:lang, $root/*/@xml:lang))"/>
  </xsl:function>

  <!-- an xml:lang as an HTML lang: ISO 639-2/3 codes that have a two-letter form get it
       (fre → fr, eng → en), as BCP 47 requires; other values pass unchanged -->
  <xsl:variable name="tk:html-iso639-2" as="map(xs:string, xs:string)" select="map{
      'eng': 'en', 'fre': 'fr', 'fra': 'fr', 'ger': 'de', 'deu': 'de', 'lat': 'la',
      'rus': 'ru', 'pol': 'pl', 'yid': 'yi', 'ita': 'it', 'spa': 'es', 'por': 'pt',
      'dut': 'nl', 'nld': 'nl', 'gre': 'el', 'ell': 'el', 'heb': 'he', 'ara': 'ar',
      'chi': 'zh', 'zho': 'zh', 'jpn': 'ja', 'cze': 'cs', 'ces': 'cs', 'ukr': 'uk',
      'swe': 'sv', 'dan': 'da', 'nor': 'no', 'fin': 'fi', 'hun': 'hu', 'tur': 'tr',
      'syr': 'syr', 'grc': 'grc', 'gla': 'gd', 'gle': 'ga', 'wel': 'cy', 'cym': 'cy',
      'ice': 'is', 'isl': 'is', 'per': 'fa', 'fas': 'fa', 'arm': 'hy', 'hye': 'hy'}"/>

  <xsl:function name="tk:html-lang" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($code, '-')"/>
    <xsl:variable name="first" as="xs:string" select="lower-case(($parts[1], '')[1])"/>
    <xsl:sequence select="string-join((($tk:html-iso639-2($first), $parts[1])[1],
        subsequence($parts, 2)), '-')"/>
  </xsl:function>

  <xsl:function name="tk:html-lang-label" as="xs:string">
    <xsl:param name="root" as="document-node()"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="l" as="element()?" select="($root/*/teiHeader/profileDesc/langUsage
        /language[@ident = $code])[1]"/>
    <xsl:variable name="known" as="map(xs:string, xs:string)" select="map{'ru': 'Russian',
        'en': 'English', 'fr': 'French', 'de': 'German', 'zh': 'Chinese', 'la': 'Latin',
        'grc': 'Ancient Greek', 'it': 'Italian', 'es': 'Spanish'}"/>
    <xsl:sequence select="if ($l and normalize-space($l)) then
        normalize-space(replace($l, '\s*\(.*\)\s*$', ''))
        else ($known($code), $code)[1]"/>
  </xsl:function>
</xsl:stylesheet>
