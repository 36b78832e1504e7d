<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared functions of the OAI-PMH crosswalks (TEI header to DC, MODS, TEI header). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <!-- The OAI identifier of the record (oai:<repository>:<stem>). -->
  <xsl:param name="identifier" as="xs:string" select="''"/>

  <!-- Every word of a node's text, whitespace normalised. -->
  <xsl:function name="tk:text" as="xs:string">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="normalize-space(string-join($node//text(), ''))"/>
  </xsl:function>

  <!-- The distinct non-empty texts of some nodes, in document order. -->
  <xsl:function name="tk:texts" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="distinct-values(($nodes ! tk:text(.))[. ne ''])"/>
  </xsl:function>

  <!-- The header of the document, or a coded error when there is none. -->
  <xsl:function name="tk:header" as="element(tei:teiHeader)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="h" as="element(tei:teiHeader)?" select="($doc/(tei:TEI, tei:teiCorpus)/tei:teiHeader)[1]"/>
    <xsl:sequence select="if (exists($h)) then $h
      else error(xs:QName('tk:E0401'), 'the document has no teiHeader (TEI or teiCorpus)')"/>
  </xsl:function>

  <!-- Language codes: langUsage/language/@ident, else xml:lang of text and TEI. -->
  <xsl:function name="tk:languages" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="declared" as="xs:string*"
        select="distinct-values($doc/*/tei:teiHeader/tei:profileDesc/tei:langUsage
                                /tei:language/@ident[normalize-space(.) ne ''] ! normalize-space(.))"/>
    <xsl:sequence select="if (exists($declared)) then $declared
      else distinct-values(($doc/*/tei:text/@xml:lang, $doc/*/@xml:lang)
                           [normalize-space(.) ne ''] ! normalize-space(.))[1]"/>
  </xsl:function>

  <!-- A date element's normalised value: @when, @from/@notBefore, else its text. -->
  <xsl:function name="tk:date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="normalize-space(($date/@when, $date/@when-iso,
      $date/@from, $date/@notBefore, tk:text($date))[normalize-space(.) ne ''][1])"/>
  </xsl:function>

  <!-- The archival reference of a manuscript (or of a copy, altIdentifier): place,
       repository, collection, numbers; a Russian archive's numbers with their labels
       ("f. 558, op. 11, d. 334, ll. 0088–0089", common/functions.xsl). -->
  <xsl:function name="tk:archival-reference" as="xs:string?">
    <xsl:param name="ms" as="element()"/>
    <xsl:variable name="parts" as="xs:string*"
        select="(tk:texts(($ms/tei:settlement, $ms/tei:institution, $ms/tei:repository)),
                 tk:shelfmark($ms))"/>
    <xsl:sequence select="if (exists($parts)) then string-join($parts, ', ') else ()"/>
  </xsl:function>

  <!-- A manuscript's shelfmark: collection and numbers (labelled for a Russian archive). -->
  <xsl:function name="tk:shelfmark" as="xs:string*">
    <xsl:param name="ms" as="element()"/>
    <xsl:variable name="russian" as="xs:string?" select="tk:russian-shelfmark($ms)"/>
    <xsl:sequence select="tk:texts(($ms/tei:collection,
        if (exists($russian)) then () else $ms/tei:idno, $ms/tei:msName)), $russian"/>
  </xsl:function>

  <!-- Who wrote the document: the titleStmt's authors, else the source's, else the sender
       of the document's own correspondence (its first correspDesc), as the citations and
       the HTML page's metadata name it. -->
  <xsl:function name="tk:creators" as="xs:string*">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:variable name="title" as="element()*" select="$h/tei:fileDesc/tei:titleStmt/tei:author"/>
    <xsl:variable name="source" as="element()*" select="$h/tei:fileDesc/tei:sourceDesc//tei:author"/>
    <xsl:sequence select="tk:agents(if (exists($title)) then $title
        else if (exists($source)) then $source
        else ($h/tei:profileDesc/tei:correspDesc)[1]/tei:correspAction[@type = 'sent'])"/>
  </xsl:function>

  <!-- Agents (authors, editors, responsible parties): each name child is one agent,
       unless the names are language variants (@xml:lang) of one agent: then the first. -->
  <xsl:function name="tk:agents" as="xs:string*">
    <xsl:param name="els" as="element()*"/>
    <xsl:sequence select="distinct-values(($els ! (
      let $names := (tei:persName, tei:name, tei:orgName)
      return if (empty($names)) then tk:text(.)
             else if (exists($names[@xml:lang])) then tk:text(($names[not(@xml:lang)], $names)[1])
             else $names ! tk:text(.)))[. ne ''])"/>
  </xsl:function>

  <!-- The titles of a titleStmt, the main or analytic title first; a gloss in a title is
       in square brackets, as on the page and in the citations ("Filippov [Stalin]"). -->
  <xsl:function name="tk:titles" as="xs:string*">
    <xsl:param name="stmt" as="element(tei:titleStmt)?"/>
    <xsl:variable name="main" as="element(tei:title)*"
        select="$stmt/tei:title[@type = 'main' or @level = 'a']"/>
    <xsl:sequence select="distinct-values(($main, $stmt/tei:title except $main) ! tk:title-text(.)
        [. ne ''])"/>
  </xsl:function>

  <xsl:function name="tk:title-text" as="xs:string">
    <xsl:param name="title" as="element()"/>
    <xsl:variable name="s" as="xs:string*">
      <xsl:apply-templates select="$title/node()" mode="tk:title-text"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($s, ''))"/>
  </xsl:function>

  <xsl:mode name="tk:title-text" on-no-match="text-only-copy" on-multiple-match="fail"/>
  <xsl:template match="tei:gloss" mode="tk:title-text">
    <xsl:text>[</xsl:text><xsl:apply-templates mode="#current"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:note" mode="tk:title-text"/>

  <!-- Subjects: keyword terms; classification codes joined to their scheme when it is a
       namespace-like URI (ending in / or #). -->
  <xsl:function name="tk:subjects" as="xs:string*">
    <xsl:param name="class" as="element(tei:textClass)*"/>
    <xsl:sequence select="distinct-values((tk:texts($class/tei:keywords//tei:term),
      $class/tei:classCode ! (if (matches(@scheme, '[/#]$') and tk:text(.) ne '')
                              then @scheme || tk:text(.) else tk:text(.)))[. ne ''])"/>
  </xsl:function>
</xsl:stylesheet>
