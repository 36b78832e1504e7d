<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared functions of every teikit output (text, HTML, print).
  Namespace urn:teikit:ns, prefix tk. No templates here.
  Error codes:
    tk:E0001  bad value of the stylesheet parameter "mode"
    tk:E0002  unknown sign kind asked of signs.xsl
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The rendering modes every output understands. -->
  <xsl:variable name="tk:modes" as="xs:string+" select="('diplomatic', 'reading')"/>

  <!-- The xml:id of this edition's own respStmt: interventions with this @resp are the edition's. -->
  <xsl:variable name="tk:edition-resp" as="xs:string" select="'teikit'"/>

  <!-- Layout markers used while building plain text (private-use characters, never in output). -->
  <xsl:variable name="tk:BLOCK" as="xs:string" select="'&#xE000;'"/>
  <xsl:variable name="tk:LINE" as="xs:string" select="'&#xE001;'"/>
  <xsl:variable name="tk:SPACE" as="xs:string" select="' '"/>

  <!-- Return $mode if it is a known mode; otherwise raise tk:E0001. -->
  <xsl:function name="tk:check-mode" as="xs:string">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="if ($mode = $tk:modes) then $mode
      else error(xs:QName('tk:E0001'),
        'Unknown mode ''' || $mode || '''; expected one of: ' || string-join($tk:modes, ', '))"/>
  </xsl:function>

  <!-- The ids named in @resp (without '#'). -->
  <xsl:function name="tk:resp-ids" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($e/@resp), ' ') return replace($t, '^#', '')"/>
  </xsl:function>

  <!-- True when the element is an intervention of this edition (resp="#teikit"). -->
  <xsl:function name="tk:is-edition" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:resp-ids($e) = $tk:edition-resp"/>
  </xsl:function>

  <!-- The element a same-document pointer (#id) designates, if any. -->
  <xsl:function name="tk:target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($pointer, '#'))
      then (root($context)//*[@xml:id = substring($pointer, 2)])[1] else ()"/>
  </xsl:function>

  <!-- The text unit an element belongs to: the nearest text that holds no group. -->
  <xsl:function name="tk:unit" as="element()?">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="$e/ancestor-or-self::text[not(group)][1]"/>
  </xsl:function>

  <!-- True for milestones that mark a break in the middle of a word (@break="no"; older
       EpiDoc marks it type="inWord"). -->
  <xsl:function name="tk:is-word-internal-break" as="xs:boolean">
    <xsl:param name="n" as="node()?"/>
    <xsl:sequence select="exists($n/self::*[local-name() = ('lb', 'pb', 'cb')]
        [@break = ('no', 'false') or @type = 'inWord'])"/>
  </xsl:function>

  <!-- A text node's string, with the whitespace next to a word-internal break removed. -->
  <xsl:function name="tk:text-value" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="s" as="xs:string" select="string($t)"/>
    <xsl:variable name="s1" as="xs:string"
      select="if (tk:is-word-internal-break($t/following-sibling::node()[1])) then replace($s, '\s+$', '') else $s"/>
    <xsl:sequence
      select="if (tk:is-word-internal-break($t/preceding-sibling::node()[1])) then replace($s1, '^\s+', '') else $s1"/>
  </xsl:function>

  <!-- Turn raw text with layout markers into plain text: blank line between blocks, line
       breaks between lines, single spaces elsewhere. -->
  <xsl:function name="tk:layout" as="xs:string">
    <xsl:param name="raw" as="xs:string"/>
    <!-- Split at the markers and normalise each line, rather than one regular expression
         over the whole text: linear, and 20 times faster on a novel. -->
    <xsl:variable name="blocks" as="xs:string*" select="
      for $block in tokenize($raw, '&#xE000;')
      return string-join(tokenize($block, '&#xE001;') ! normalize-space(.)[. ne ''], '&#10;')"/>
    <xsl:sequence select="string-join($blocks[. ne ''], '&#10;&#10;')"/>
  </xsl:function>

  <!-- A Russian archival reference written the standard way, "f. 558, op. 11, d. 334,
       ll. 0088–0089" (en dash; "l." for one folio), from msIdentifier/idno[@type = fond,
       opis, delo, folios]; () when the identifier has no fond/opis/delo. Shared by the
       header block of every output and the citations. -->
  <xsl:function name="tk:russian-shelfmark" as="xs:string?">
    <xsl:param name="ms" as="element()?"/>
    <xsl:variable name="idno" as="element()*" select="$ms/idno[normalize-space()]"/>
    <xsl:if test="$idno[@type = ('fond', 'opis', 'delo')]">
      <xsl:variable name="folios" as="xs:string?"
          select="$idno[@type = 'folios'][1] ! replace(normalize-space(.), '\s*-\s*', '–')"/>
      <xsl:sequence select="string-join((
          $idno[@type = 'fond'][1] ! ('f. ' || normalize-space(.)),
          $idno[@type = 'opis'][1] ! ('op. ' || normalize-space(.)),
          $idno[@type = 'delo'][1] ! ('d. ' || normalize-space(.)),
          $folios ! ((if (matches(., '[–,]')) then 'll. ' else 'l. ') || .)), ', ')"/>
    </xsl:if>
  </xsl:function>

  <!-- The image a page break's @facs points to: an image address given directly (a URL or
       file name ending in an image extension), or the graphic/@url of the surface, zone or
       graphic of the document that a "#id" names, when it is an absolute http(s) address;
       () otherwise (a bare id says nothing about
       where an image is). -->
  <xsl:function name="tk:facs-image" as="xs:string?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="f" as="xs:string" select="normalize-space((tokenize($pb/@facs), '')[1])"/>
    <xsl:variable name="target" as="element()?" select="tk:target($pb, $f)"/>
    <xsl:variable name="found" as="xs:string?" select="
        if (exists($target)) then ($target/descendant-or-self::*[local-name() = 'graphic']/@url,
            $target/ancestor::*[local-name() = 'surface']/*[local-name() = 'graphic']/@url)[1]
            ! string(.)
        else if (matches($f, '\.(jpe?g|png|gif|tiff?|jp2|webp|svg)$', 'i')) then $f
        else ()"/>
    <!-- a relative address names a file the built site does not carry: not linked -->
    <xsl:sequence select="$found[matches(., '^https?://')]"/>
  </xsl:function>

  <!-- A TEI example (egXML) as the XML it shows. -->
  <xsl:function name="tk:egxml-source" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="replace(string-join($e/node() ! serialize(.), ''),
        ' xmlns=&quot;http://www.tei-c.org/ns/Examples&quot;', '')"/>
  </xsl:function>

  <!-- The document's own title in its titleStmt: not the series, journal or monograph it
       belongs to (title level="s", "j", "m"), nor a subtitle or a date given as a title;
       type="main" first, then the analytic title (level="a"), then the first other title. -->
  <xsl:function name="tk:doc-title-element" as="element()?">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="titles" as="element()*"
        select="root($root)/*/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:variable name="own" as="element()*" select="$titles[not(@level = ('s', 'j', 'm'))]"/>
    <xsl:sequence select="($own[@type = 'main'], $own[@level = 'a'],
        $own[not(@type = ('sub', 'iso-date', 'desc', 'short', 'alt', 'abbreviated'))], $own,
        $titles)[1]"/>
  </xsl:function>

  <!-- The series (or journal, or monograph) the document belongs to, as its header names
       it: titleStmt/title[@level = s, j, m], else seriesStmt/title. -->
  <xsl:function name="tk:series-titles" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="fd" as="element()?" select="(root($root)/*/teiHeader/fileDesc)[1]"/>
    <xsl:variable name="in-title" as="element()*"
        select="$fd/titleStmt/title[@level = ('s', 'j', 'm')][normalize-space()]"/>
    <xsl:sequence select="if (exists($in-title)) then $in-title
        else $fd/seriesStmt/title[normalize-space()]"/>
  </xsl:function>

  <!-- Raw text flattened to one line (for endnotes and apparatus entries). -->
  <xsl:function name="tk:one-line" as="xs:string">
    <xsl:param name="raw" as="xs:string"/>
    <xsl:sequence select="normalize-space(translate($raw, '&#xE000;&#xE001;', '  '))"/>
  </xsl:function>

</xsl:stylesheet>
