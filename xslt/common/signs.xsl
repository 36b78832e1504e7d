<?xml version="1.0" encoding="UTF-8"?>
<!--
  THE single definition of the editorial signs of teikit outputs (text, HTML, print).
  Requires common/functions.xsl (include both from the entry stylesheet).

  For each sign kind: which TEI element carries it (tk:sign-kind), where it is shown in each
  mode (tk:sign-placement), its opening and closing marks in each mode (tk:sign-open,
  tk:sign-close), and its legend (tk:sign-legend: kind, label, description, the editorialDecl
  paragraph it documents, marks). The legend data are the only place the marks are written.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Legend: one map per sign kind.
       keys: kind, label, description, tei (encoding), decl (xml:id of the editorialDecl
       paragraph in the edition), diplomatic-open/-close, reading-open/-close (marks),
       diplomatic-alt/reading-alt (how the apparatus names the reading not shown), and,
       for the insertions whose maker the reading text shows, source-reading-open/-close:
       the reading text's marks of an insertion made by the source's editors or its
       translator (@resp naming anyone but this edition), which keeps the brackets of the
       source publication; reading-open/-close are then this edition's own (or those of an
       insertion whose maker is not stated). See tk:sign-mark. -->
  <xsl:function name="tk:sign-legend" as="map(*)+">
    <xsl:sequence select="$tk:legend"/>
  </xsl:function>

  <!-- The legend data, evaluated once per transformation (tk:sign-legend() gives it). -->
  <xsl:variable name="tk:legend" as="map(*)+" select="(
      map{'kind': 'expansion', 'label': 'Expansion',
          'description': 'Abbreviation expanded by an editor; the added letters are marked.',
          'tei': 'choice/abbr + expan/ex', 'decl': 'sign-expansion',
          'diplomatic-open': '[', 'diplomatic-close': ']', 'reading-open': '', 'reading-close': '',
          'diplomatic-alt': 'expanded', 'reading-alt': 'abbreviated in the source'},
      map{'kind': 'supplied', 'label': 'Supplied',
          'description': 'Words supplied by an editor or the translator.',
          'tei': 'supplied[@reason=omitted]', 'decl': 'sign-supplied',
          'diplomatic-open': '[', 'diplomatic-close': ']', 'reading-open': '⟨', 'reading-close': '⟩',
          'source-reading-open': '[', 'source-reading-close': ']',
          'diplomatic-alt': 'supplied by the edition', 'reading-alt': 'supplied'},
      map{'kind': 'gloss', 'label': 'Gloss',
          'description': 'Explanation or modern form of a preceding name.',
          'tei': 'gloss', 'decl': 'sign-gloss',
          'diplomatic-open': '[', 'diplomatic-close': ']', 'reading-open': '⟨= ', 'reading-close': '⟩',
          'source-reading-open': '[', 'source-reading-close': ']',
          'diplomatic-alt': 'gloss by the edition', 'reading-alt': 'gloss'},
      map{'kind': 'translator-note', 'label': 'Translator''s note',
          'description': 'Note by the translator.',
          'tei': 'note[@type=translator]', 'decl': 'sign-translator-note',
          'diplomatic-open': '[Translator''s note: ', 'diplomatic-close': ']',
          'reading-open': ' [', 'reading-close': ']',
          'diplomatic-alt': 'translator''s note', 'reading-alt': 'translator''s note'},
      map{'kind': 'editor-note', 'label': 'Editorial note',
          'description': 'Note by the editors of this edition.',
          'tei': 'note[@type=editorial]', 'decl': 'sign-editor-note',
          'diplomatic-open': '', 'diplomatic-close': '',
          'reading-open': ' [', 'reading-close': ']',
          'diplomatic-alt': 'Editorial note', 'reading-alt': 'Editorial note'},
      map{'kind': 'note', 'label': 'Note',
          'description': 'Note of the source (authorial or unspecified).',
          'tei': 'note', 'decl': '',
          'diplomatic-open': ' [', 'diplomatic-close': ']',
          'reading-open': ' [', 'reading-close': ']',
          'diplomatic-alt': 'note', 'reading-alt': 'note'},
      map{'kind': 'attribution', 'label': 'Attribution',
          'description': 'Author of a passage named by an editor.',
          'tei': 'supplied[@reason=attribution]', 'decl': 'sign-attribution',
          'diplomatic-open': '[', 'diplomatic-close': ']', 'reading-open': '⟨', 'reading-close': '⟩',
          'source-reading-open': '[', 'source-reading-close': ']',
          'diplomatic-alt': 'attribution by the edition', 'reading-alt': 'attribution'},
      map{'kind': 'archival-ref', 'label': 'Archival reference',
          'description': 'Archival citation added by the archive''s editors.',
          'tei': 'bibl[@type=archival-ref]', 'decl': 'sign-archival-ref',
          'diplomatic-open': '[', 'diplomatic-close': ']', 'reading-open': '[', 'reading-close': ']',
          'diplomatic-alt': 'archival reference', 'reading-alt': 'archival reference'},
      map{'kind': 'sic-corr', 'label': 'Error and correction',
          'description': 'Apparent error of the source, kept, with its correction.',
          'tei': 'choice/sic + corr', 'decl': 'sign-sic-corr',
          'diplomatic-open': '', 'diplomatic-close': '', 'reading-open': '', 'reading-close': '',
          'diplomatic-alt': 'corrected to', 'reading-alt': 'source reads'},
      map{'kind': 'orig-reg', 'label': 'Regularisation',
          'description': 'Conventional spelling of the source, with its regular form.',
          'tei': 'choice/orig + reg', 'decl': 'sign-orig-reg',
          'diplomatic-open': '', 'diplomatic-close': '', 'reading-open': '', 'reading-close': '',
          'diplomatic-alt': 'regularised as', 'reading-alt': 'source spelling'},
      map{'kind': 'gap', 'label': 'Gap',
          'description': 'Text omitted or illegible.',
          'tei': 'gap', 'decl': 'sign-gap',
          'diplomatic-open': '[...', 'diplomatic-close': ']', 'reading-open': '⟨...', 'reading-close': '⟩',
          'diplomatic-alt': 'gap', 'reading-alt': 'gap'},
      map{'kind': 'unclear', 'label': 'Unclear',
          'description': 'Reading uncertain.',
          'tei': 'unclear', 'decl': 'sign-unclear',
          'diplomatic-open': '', 'diplomatic-close': '', 'reading-open': '', 'reading-close': '(?)',
          'diplomatic-alt': 'unclear', 'reading-alt': 'unclear'}
    )"/>

  <!-- The legend entries by kind. -->
  <xsl:variable name="tk:legend-by-kind" as="map(xs:string, map(*))"
    select="map:merge($tk:legend ! map{?kind: .})"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <!-- All sign kinds, in legend order. -->
  <xsl:function name="tk:sign-kinds" as="xs:string+">
    <xsl:sequence select="tk:sign-legend() ! ?kind"/>
  </xsl:function>

  <!-- The legend entry of a kind; tk:E0002 for an unknown kind. -->
  <xsl:function name="tk:sign" as="map(*)">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="entry" as="map(*)?" select="$tk:legend-by-kind($kind)"/>
    <xsl:sequence select="if (exists($entry)) then $entry
      else error(xs:QName('tk:E0002'), 'Unknown sign kind ''' || $kind || '''')"/>
  </xsl:function>

  <!-- Which sign kind an element carries, if any. -->
  <xsl:function name="tk:sign-kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e/self::choice[sic or corr]) then 'sic-corr'
      else if ($e/self::choice[orig or reg]) then 'orig-reg'
      else if ($e/self::choice[abbr or expan]) then 'expansion'
      else if ($e/self::ex) then 'expansion'
      else if ($e/self::supplied[@reason = 'attribution']) then 'attribution'
      else if ($e/self::supplied) then 'supplied'
      else if ($e/self::gloss) then 'gloss'
      else if ($e/self::note[@type = 'translator']) then 'translator-note'
      else if ($e/self::note[@type = 'editorial' or tk:is-edition(.)]) then 'editor-note'
      else if ($e/self::note) then 'note'
      else if ($e/self::bibl[@type = 'archival-ref']) then 'archival-ref'
      else if ($e/self::gap) then 'gap'
      else if ($e/self::unclear) then 'unclear'
      else ()"/>
  </xsl:function>

  <!-- The elements under $scope that tk:sign-kind may give a kind (keep the two in step):
       selecting these first spares asking every element of a long text. -->
  <xsl:function name="tk:sign-candidates" as="element()*">
    <xsl:param name="scope" as="node()"/>
    <xsl:sequence select="$scope//(choice | ex | supplied | gloss | note | bibl | gap | unclear)"/>
  </xsl:function>

  <xsl:function name="tk:sign-open" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="tk:sign($kind)(tk:check-mode($mode) || '-open')"/>
  </xsl:function>

  <xsl:function name="tk:sign-close" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="tk:sign($kind)(tk:check-mode($mode) || '-close')"/>
  </xsl:function>

  <!-- Who made a sign, as the marks tell it: 'edition' (resp names this edition), 'source'
       (resp names someone else: the source's editors, its translator), or 'unstated'. -->
  <xsl:function name="tk:sign-maker" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (tk:is-edition($e)) then 'edition'
      else if (exists(tk:resp-ids($e))) then 'source' else 'unstated'"/>
  </xsl:function>

  <!-- The opening or closing ($end: 'open', 'close') mark of a sign element in a mode:
       in the reading text an insertion made by the source's editors or its translator keeps
       the source's brackets, so that it never looks like this edition's own. -->
  <xsl:function name="tk:sign-mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:param name="end" as="xs:string"/>
    <xsl:variable name="entry" as="map(*)" select="tk:sign(tk:sign-kind($e))"/>
    <xsl:sequence select="if (tk:check-mode($mode) = 'reading' and tk:sign-maker($e) = 'source'
        and map:contains($entry, 'source-reading-' || $end))
      then $entry('source-reading-' || $end) else $entry($mode || '-' || $end)"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <xsl:function name="tk:sign-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="tk:sign($kind)?label"/>
  </xsl:function>

  <!-- How the apparatus names the reading that a mode does not show. -->
  <xsl:function name="tk:sign-alt-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:sequence select="tk:sign($kind)(tk:check-mode($mode) || '-alt')"/>
  </xsl:function>

  <!-- How the apparatus names a branch of a choice that the running text does not show. -->
  <xsl:function name="tk:branch-label" as="xs:string">
    <xsl:param name="branch" as="element()"/>
    <xsl:sequence select="(map{'sic': 'source reads', 'corr': 'corrected to', 'orig': 'source spelling',
      'reg': 'regularised as', 'abbr': 'abbreviated in the source', 'expan': 'expanded'}
      (local-name($branch)), 'alternative')[1]"/>
  </xsl:function>

  <!-- Where a sign element is shown in a mode:
       'inline'    in the running text, between its marks;
       'endnote'   as a numbered note after the text, with an anchor in the running text;
       'apparatus' not in the running text, listed after the text.
       The diplomatic text reproduces the source publication, so the edition's own
       interventions (resp="#teikit") are moved to the apparatus there. -->
  <xsl:function name="tk:sign-placement" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="kind" as="xs:string?" select="tk:sign-kind($e)"/>
    <xsl:sequence select="
      if (empty($kind)) then 'inline'
      else if ($kind = 'translator-note') then
        (if (tk:check-mode($mode) = 'diplomatic' and not(tk:is-edition($e))) then 'inline' else 'endnote')
      else if ($kind = 'editor-note') then
        (if (tk:check-mode($mode) = 'diplomatic') then 'apparatus' else 'endnote')
      else if ($kind = 'note') then 'endnote'
      else if ($kind = ('supplied', 'gloss', 'attribution', 'archival-ref')
               and tk:check-mode($mode) = 'diplomatic' and tk:is-edition($e)) then 'apparatus'
      else 'inline'"/>
  </xsl:function>

  <!-- The branch of a choice shown in the running text of a mode. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="diplomatic" as="xs:boolean" select="tk:check-mode($mode) = 'diplomatic'"/>
    <xsl:variable name="kind" as="xs:string?" select="tk:sign-kind($choice)"/>
    <xsl:variable name="preferred" as="element()?" select="
      if ($kind = 'sic-corr') then (if ($diplomatic) then $choice/sic[1] else $choice/corr[1])
      else if ($kind = 'orig-reg') then (if ($diplomatic) then $choice/orig[1] else $choice/reg[1])
      else if ($kind = 'expansion') then
        (if (not($diplomatic)) then $choice/expan[1]
         else if ($choice/expan[1][.//ex][not(tk:is-edition(.))]) then $choice/expan[1]
         else $choice/abbr[1])
      else ()"/>
    <xsl:sequence select="($preferred, $choice/*)[1]"/>
  </xsl:function>

</xsl:stylesheet>
