<?xml version="1.0" encoding="UTF-8"?>
<!--
  The canonical citation record: CSL-JSON (as an XPath map) from a teiHeader.
  Only what the header gives is used; a missing field is left out, never invented.

  type: personal_communication when the header has a correspDesc (CSL's type for a
  letter, telegram or other correspondence: styles then name the recipient);
  manuscript when the source is described by an msDesc; document otherwise.

  Correspondence is cited as the manuals cite an archival letter or telegram: its kind
  (genre: the correspDesc's @type, e.g. "telegram", else "letter"), so that the styles
  write "Author, “Title,” telegram to Recipient" and "[Telegram to Recipient]"; its date
  as the document's own, never as a publication date: the publication it was taken
  from (publicationStmt/publisher) is the record's source (CSL's "source from whence
  the item originates … a database"), not its publisher.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="urn:teikit:ns"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:csl-record" as="map(*)">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:param name="accessed" as="xs:date"/>
    <xsl:param name="base-url" as="xs:string"/>
    <xsl:variable name="corresp" as="element(tei:correspDesc)?"
        select="($h/tei:profileDesc//tei:correspDesc)[1]"/>
    <xsl:variable name="ms" as="element(tei:msIdentifier)?"
        select="($h/tei:fileDesc/tei:sourceDesc//tei:msDesc/tei:msIdentifier)[1]"/>
    <xsl:variable name="authors" as="map(*)*" select="tk:authors($h, $corresp)"/>
    <xsl:variable name="issued" as="xs:integer*" select="tk:issued($h, $corresp)"/>
    <xsl:variable name="fields" as="map(*)*">
      <xsl:sequence select="map {'id': tk:record-id($h, $authors, $issued)}"/>
      <xsl:sequence select="map {'type': if ($corresp) then 'personal_communication'
                                          else if ($ms) then 'manuscript' else 'document'}"/>
      <xsl:sequence select="tk:entry('title', tk:title($h))"/>
      <xsl:sequence select="tk:entry('genre', $corresp ! tk:genre(.))"/>
      <xsl:sequence select="tk:names('author', $authors)"/>
      <xsl:sequence select="tk:names('recipient', $corresp/tei:correspAction[@type = 'received']
          /(tei:persName | tei:orgName | tei:name) ! tk:name(.))"/>
      <xsl:sequence select="tk:names('translator', $h/tei:fileDesc/tei:titleStmt
          /tei:respStmt[tei:resp[@key = 'trl' or matches(normalize-space(.), '^transl', 'i')]]
          /(tei:persName | tei:orgName | tei:name) ! tk:name(.))"/>
      <xsl:if test="exists($issued)">
        <xsl:sequence select="map {'issued': map {'date-parts': [array {$issued}]}}"/>
      </xsl:if>
      <xsl:sequence select="tk:entry('archive', tk:plain($ms/tei:repository))"/>
      <xsl:sequence select="tk:entry('archive_location', tk:archive-location($ms))"/>
      <xsl:sequence select="tk:entry('note', tk:other-copies($ms))"/>
      <xsl:sequence select="tk:entry(if ($corresp) then 'source' else 'publisher',
          tk:plain(($h/tei:fileDesc/tei:publicationStmt/tei:publisher)[1]))"/>
      <!-- the edition's publisher (teikit.toml) when the header names none -->
      <xsl:sequence select="tk:entry('publisher', $publisher[not(normalize-space(
          tk:plain(($h/tei:fileDesc/tei:publicationStmt/tei:publisher)[1])))])"/>
      <xsl:sequence select="tk:entry('language',
          string(($h/tei:profileDesc/tei:langUsage/tei:language/@ident)[1]))"/>
      <xsl:sequence select="tk:entry('URL', normalize-space($base-url))"/>
      <xsl:sequence select="map {'accessed': map {'date-parts': [array {
          year-from-date($accessed), month-from-date($accessed), day-from-date($accessed)}]}}"/>
    </xsl:variable>
    <xsl:sequence select="map:merge($fields)"/>
  </xsl:function>

  <!-- The kind of a piece of correspondence: its @type in words ("telegram"), else "letter". -->
  <xsl:function name="tk:genre" as="xs:string">
    <xsl:param name="corresp" as="element(tei:correspDesc)"/>
    <xsl:sequence select="(normalize-space(translate($corresp/@type, '-_', '  '))[. != ''],
        'letter')[1]"/>
  </xsl:function>

  <!-- A one-entry map, or nothing when the value is empty. -->
  <xsl:function name="tk:entry" as="map(*)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($value)) then map {$key: $value} else ()"/>
  </xsl:function>

  <xsl:function name="tk:names" as="map(*)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="names" as="map(*)*"/>
    <xsl:sequence select="if (exists($names)) then map {$key: array {$names}} else ()"/>
  </xsl:function>

  <!-- The title as published: the main title, else the analytic one, else the first. -->
  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:variable name="titles" as="element(tei:title)*"
        select="$h/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]"/>
    <xsl:sequence select="tk:plain((
        $titles[@type = 'main'],
        $titles[@level = 'a'],
        $titles[not(@type) and not(@level = ('s', 'j'))],
        $titles[not(@type = ('sub', 'short', 'alt', 'iso-date'))])[1])"/>
  </xsl:function>

  <!-- Authors: the sender of the correspondence, else the titleStmt authors. -->
  <xsl:function name="tk:authors" as="map(*)*">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:param name="corresp" as="element(tei:correspDesc)?"/>
    <xsl:variable name="sent" as="element()*"
        select="$corresp/tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName | tei:name)"/>
    <xsl:sequence select="if (exists($sent)) then $sent ! tk:name(.)
        else $h/tei:fileDesc/tei:titleStmt/tei:author[normalize-space()]
             ! tk:name(((tei:persName | tei:orgName | tei:name)[1], .)[1])"/>
  </xsl:function>

  <!--
    A CSL name: family/given from surname/forename, or from the inverted form
    "Family, Given" the header gives; otherwise the name exactly as written (literal),
    since splitting a name at a space would be a guess.
  -->
  <xsl:function name="tk:name" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="tk:plain($e)"/>
    <xsl:choose>
      <xsl:when test="$e/tei:surname">
        <xsl:sequence select="map:merge((
            map {'family': tk:plain($e/tei:surname)},
            tk:entry('given', string-join($e/tei:forename ! tk:plain(.), ' '))))"/>
      </xsl:when>
      <xsl:when test="$e/self::tei:persName and matches($text, '^[^,]+,\s*[^,]+$')">
        <xsl:sequence select="map {
            'family': normalize-space(substring-before($text, ',')),
            'given': normalize-space(substring-after($text, ','))}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map {'literal': $text}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Issued date parts (year, month?, day?): creation, the sent date, a publicationStmt
       date of type "created", else the publication date. -->
  <xsl:function name="tk:issued" as="xs:integer*">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:param name="corresp" as="element(tei:correspDesc)?"/>
    <xsl:variable name="iso" as="xs:string?" select="(
        $h/tei:profileDesc/tei:creation//tei:date/(@when, @when-iso),
        $corresp/tei:correspAction[@type = 'sent']/tei:date/(@when, @when-iso),
        $h/tei:fileDesc/tei:publicationStmt/tei:date[@type = 'created']/(@when, @when-iso),
        $h/tei:fileDesc/tei:publicationStmt/tei:date/(@when, @when-iso)
      )[matches(., '^\d{4}(-\d{2}(-\d{2})?)?')][1]"/>
    <xsl:sequence select="if (empty($iso)) then ()
        else tokenize(replace($iso, '^(\d{4}(-\d{2}(-\d{2})?)?).*$', '$1'), '-')
             ! xs:integer(.)"/>
  </xsl:function>

  <!--
    Where the document is kept. Russian archival references (fond, opis, delo, folios)
    are written the standard way: "f. 558, op. 11, d. 334, ll. 0088–0089" (en dash);
    otherwise the collection and the shelfmark as the header gives them.
  -->
  <xsl:function name="tk:archive-location" as="xs:string?">
    <xsl:param name="ms" as="element(tei:msIdentifier)?"/>
    <xsl:variable name="idno" as="element(tei:idno)*" select="$ms/tei:idno[normalize-space()]"/>
    <xsl:choose>
      <xsl:when test="exists(tk:russian-shelfmark($ms))">
        <xsl:sequence select="tk:russian-shelfmark($ms)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="string-join((tk:plain($ms/tei:collection[1]),
            ($idno ! tk:plain(.))[1])[normalize-space()], ', ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    Other identifiers of the source (msIdentifier/altIdentifier), e.g. "Copy also in
    Library of Congress, Manuscript Division, …, mm97083838". CSL "note": kept in the
    record, BibTeX and RIS; the three prose styles do not print it.
  -->
  <xsl:function name="tk:other-copies" as="xs:string?">
    <xsl:param name="ms" as="element(tei:msIdentifier)?"/>
    <xsl:sequence select="string-join($ms/tei:altIdentifier[normalize-space()] ! tk:join((
        (if (@type = 'copy') then 'Copy also in ' else 'Also identified as ')
          || tk:join((tei:repository, tei:collection, tei:idno) ! tk:plain(.), ', ')), ''),
        '; ')[normalize-space()]"/>
  </xsl:function>

  <!-- The record id: TEI/@xml:id, else first author (or first title word) + year,
       ASCII letters and digits only; else "tei-document". -->
  <xsl:function name="tk:record-id" as="xs:string">
    <xsl:param name="h" as="element(tei:teiHeader)"/>
    <xsl:param name="authors" as="map(*)*"/>
    <xsl:param name="issued" as="xs:integer*"/>
    <xsl:variable name="who" as="xs:string?"
        select="($authors[1] ! (?family, ?literal)[1] ! tokenize(., '\s+')[last()],
                 tokenize(tk:title($h), '\W+')[.][1])[1]"/>
    <xsl:variable name="key" as="xs:string"
        select="lower-case(string-join(($who, string($issued[1])))) => normalize-unicode('NFKD')
                => replace('[^a-z0-9]', '')"/>
    <xsl:sequence select="($h/../@xml:id[normalize-space()] ! string(.),
        $key[. != ''], 'tei-document')[1]"/>
  </xsl:function>
</xsl:stylesheet>
