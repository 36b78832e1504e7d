<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (app, lem, rdg, rdgGrp, witDetail, listWit), shared by every output.
  - Parallel segmentation (an app in the running text): its lemma is the text; with no lem,
    the first reading stands in the text and the others go to the apparatus.
  - Location-referenced and double-end-point apparatus (an app with @loc, @from or @to, or in
    a listApp): nothing in the running text (the base text is already there); the entry is
    listed where the app stands (a listApp) and in the apparatus.
  - An entry is keyed to the line where the lemma stands (a verse line's number, or the
    @n of the last lb before it in its block, as epigraphic and papyrological editions number
    them), else to a letter A, B, C … marked in the text.
  - An entry reads "lemma] reading SIGLA; om. SIGLA", sigla from @wit (a witness's @n, or
    its xml:id).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:accumulator name="tk:app-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="app" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Is the app's base text elsewhere (location-referenced, double end-point)? -->
  <xsl:function name="tk:app-located" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="exists($app/(@loc | @from | @to) | $app/ancestor::listApp)"/>
  </xsl:function>

  <!-- What stands in the running text for an app (nothing for a located one). -->
  <xsl:function name="tk:app-lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="if (tk:app-located($app)) then ()
        else ($app/lem, $app/rdgGrp/lem, $app/rdg, $app/rdgGrp/rdg)[1]"/>
  </xsl:function>

  <!-- The readings the apparatus lists. -->
  <xsl:function name="tk:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/rdg | $app/rdgGrp/rdg) except tk:app-lemma($app)"/>
  </xsl:function>

  <!-- The number of the line an element stands on, if its text is numbered by lines. -->
  <xsl:function name="tk:line-of" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="l" as="element()?" select="$e/ancestor::l[1]"/>
    <xsl:variable name="block" as="element()?" select="$e/ancestor::*[self::ab or self::p
        or self::div][1]"/>
    <xsl:variable name="lb" as="element()?" select="($e/preceding::lb[@n][1])[exists($block)
        and (ancestor::* intersect $block)]"/>
    <xsl:sequence select="if (exists($l)) then tk:line-n($l)
        else if (exists($lb)) then normalize-space($lb/@n) else ()"/>
  </xsl:function>

  <!-- The key of an app's entry: "line N", the @loc of a located app, or a letter. -->
  <xsl:function name="tk:app-key" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="line" as="xs:string?" select="tk:line-of($app)"/>
    <xsl:sequence select="if (exists($line)) then 'line ' || $line
        else if (normalize-space($app/@loc)) then normalize-space($app/@loc)
        else tk:app-letter($app)"/>
  </xsl:function>

  <!-- True when the running text marks the app (it has no line to be found by). -->
  <xsl:function name="tk:app-marked" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="empty(tk:line-of($app)) and not(normalize-space($app/@loc))"/>
  </xsl:function>

  <xsl:function name="tk:app-letter" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="format-integer($app ! accumulator-before('tk:app-count'), 'A')"/>
  </xsl:function>

  <!-- The sigla of a reading's witnesses ("A B"). -->
  <xsl:function name="tk:sigla" as="xs:string">
    <xsl:param name="r" as="element()"/>
    <xsl:sequence select="string-join((($r/@wit, $r/parent::rdgGrp/@wit)[1] ! tokenize(.))
        ! (let $w := tk:target($r, .) return
           if (exists($w)) then normalize-space(($w/@n, $w/abbr[@type = 'siglum'],
               $w/@xml:id)[1]) else replace(., '^#', '')), ' ')"/>
  </xsl:function>

  <!-- Plain text of an apparatus part (lemma or reading), its choices as the reading text. -->
  <xsl:function name="tk:app-text" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*" select="for $n in $e/node() return
        if ($n/self::choice) then tk:app-text(tk:choice-shown($n, 'reading'))
        else if ($n/self::note or $n/self::witDetail) then ''
        else if ($n/self::gap) then '…'
        else if ($n/self::lb[tk:is-word-internal-break(.)]) then ''
        else if ($n/self::lb or $n/self::pb or $n/self::cb) then ' '
        else if ($n/self::*) then tk:app-text($n)
        else string($n)"/>
    <xsl:sequence select="normalize-space(string-join($parts, ''))"/>
  </xsl:function>

  <!-- The lemma side of an entry: "lemma SIGLA" ("(nothing)" for an empty lemma). -->
  <xsl:function name="tk:app-entry-lemma" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="lem" as="element()?" select="($app/lem, tk:app-lemma($app))[1]"/>
    <xsl:sequence select="string-join(((tk:app-text($lem)[. != ''], '(nothing)')[1],
        $lem ! tk:sigla(.)[. != '']), ' ')"/>
  </xsl:function>

  <!-- The entry as one line of text: "lemma SIGLA] reading SIGLA; om. SIGLA" (the readings'
       choices as the reading text shows them; outputs that can show more render the
       readings themselves). -->
  <xsl:function name="tk:app-entry" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="readings" as="xs:string*" select="tk:app-readings($app) !
        string-join(((tk:app-text(.)[. != ''], 'om.')[1], tk:sigla(.)[. != ''],
            witDetail ! ('(' || normalize-space(.) || ')')), ' ')"/>
    <xsl:sequence select="tk:app-entry-lemma($app) || '] ' || string-join($readings, '; ')"/>
  </xsl:function>
</xsl:stylesheet>
