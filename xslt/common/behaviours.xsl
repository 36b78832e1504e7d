<?xml version="1.0" encoding="UTF-8"?>
<!--
  THE element behaviour table of teikit outputs (text, HTML, print): how each TEI element
  renders, in the vocabulary of the TEI Processing Model (TEI Guidelines 23.5: behaviours
  paragraph, block, inline, heading, list, listItem, note, link, break, omit, section, table,
  row, cell, figure, graphic, alternate, document, metadata, text, title), with a few
  teikit behaviours for what the Processing Model leaves to parameters of "block"/"inline":
    line          a verse line (l): one line, numbered every fifth line
    lineGroup     a stanza or verse paragraph (lg)
    speech        a speech (sp): a block of its own, its speaker first
    speaker       the speaker of a speech
    stage         a stage direction standing between speeches
    address       a postal address; addressLine one line of it (addrLine)
    label         the label of a list item (glossary lists)
    register      a list of persons, places, organisations, works, events (listPerson …)
    registerEntry one entry of a register (person, place, org, bibl in listBibl, event …)
    apparatus     a critical apparatus entry (app): the lemma in the text, the readings after
    lemma         the lemma of an app; reading  a reading (rdg, rdgGrp) or witness detail
    space         a space left in the source (space, caesura): a word boundary
    description   a structured description (msDesc, msPart …)
    dictEntry     a dictionary entry (entry, superEntry); sense, form: blocks inside it
  Editorial signs (supplied, gap, unclear, ex, choice …) are inline/alternate here; their marks
  and placement come from common/signs.xsl.

  tk:behaviour($e) gives an element's behaviour; every output dispatches on it (text/
  behaviours.xsl, html/behaviours.xsl). The table is data ($tk:behaviour-table, built from
  $tk:behaviour-rows), so that an edition's ODD <model behaviour="…"> declarations can later
  generate it. An edition changes one element without copying a module:
    - in its own XSLT that imports teikit's html.xsl (or text.xsl, print.xsl), redefine
      <xsl:variable name="tk:behaviour-overrides" select="map{'said': 'block'}"/>
      (element local name → behaviour, consulted before the table), or
    - write a template for the element (higher import precedence wins), or
    - redefine one of the named templates of a behaviour (tk:html-paragraph, …).
  Unknown elements and elements of other namespaces are 'inline': their text is kept.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The behaviour vocabulary: every value tk:behaviour() may return. -->
  <xsl:variable name="tk:behaviours" as="xs:string+" select="('document', 'text', 'section',
      'heading', 'paragraph', 'block', 'inline', 'title', 'list', 'listItem', 'label', 'note',
      'link', 'break', 'space', 'omit', 'metadata', 'table', 'row', 'cell', 'figure',
      'graphic', 'alternate', 'apparatus', 'lemma', 'reading', 'line', 'lineGroup', 'speech',
      'speaker', 'stage', 'address', 'addressLine', 'register', 'registerEntry', 'description',
      'dictEntry', 'anchor', 'cit')"/>

  <!-- An edition's changes: element local name → behaviour (empty here). -->
  <xsl:variable name="tk:behaviour-overrides" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- The table: each row a behaviour and the TEI elements (local names) that have it.
       Every element of tei_all is listed (tests/render/test_behaviours.py checks it). -->
  <xsl:variable name="tk:behaviour-rows" as="element(tk:row)+">
    <tk:row behaviour="document" elements="TEI teiCorpus"/>
    <tk:row behaviour="text" elements="text group"/>
    <tk:row behaviour="section" elements="body front back div div1 div2 div3 div4 div5 div6
        div7 floatingText spGrp"/>
    <tk:row behaviour="heading" elements="head"/>
    <tk:row behaviour="paragraph" elements="p ab"/>
    <!-- blocks: letters (opener, closer …), title pages, front and back matter parts -->
    <tk:row behaviour="block" elements="argument byline closer dateline docAuthor docDate
        docEdition docImprint docTitle epigraph epilogue figDesc imprimatur opener postscript
        prologue salute set signed titlePage titlePart trailer performance quote caption
        listWit witness listApp noteGrp fw form sense re gramGrp etym xr def usg dictScrap
        entryFree cit said u annotationBlock writing
        msContents msItem msItemStruct physDesc objectDesc supportDesc support layoutDesc
        layout handDesc handNote handNotes scriptDesc scriptNote typeDesc typeNote decoDesc
        decoNote musicNotation additions bindingDesc binding sealDesc seal accMat history
        origin provenance acquisition additional adminInfo recordHist custodialHist
        surrogates listBibl listRef listChange listTranspose transpose listAnnotation
        annotation listForest forest eTree tree eLeaf iNode root triangle graph node arc
        recording equipment broadcast listNym nym listObject object
        objectIdentifier state trait education faith langKnowledge langKnown nationality
        occupation residence socecStatus affiliation floruit birth death event relation
        constitution equiv epilogue sound tech view camera move egXML eg exemplum remarks
        listPrefixDef prefixDef relatedItem citedRange filiation derivation msFrag
        catchwords signatures secFol collation foliation condition colophon explicit
        incipit finalRubric rubric summary heraldry watermark dimensions"/>
    <tk:row behaviour="description" elements="msDesc msPart objectDesc"/>
    <tk:row behaviour="dictEntry" elements="entry superEntry"/>
    <tk:row behaviour="title" elements="title"/>
    <tk:row behaviour="list" elements="list castList castGroup"/>
    <tk:row behaviour="listItem" elements="item castItem"/>
    <tk:row behaviour="label" elements="label headLabel headItem"/>
    <tk:row behaviour="note" elements="note witDetail"/>
    <tk:row behaviour="link" elements="ref ptr oRef pRef"/>
    <tk:row behaviour="break" elements="lb pb cb gb milestone"/>
    <tk:row behaviour="space" elements="space caesura"/>
    <tk:row behaviour="anchor" elements="anchor"/>
    <tk:row behaviour="table" elements="table"/>
    <tk:row behaviour="row" elements="row"/>
    <tk:row behaviour="cell" elements="cell"/>
    <tk:row behaviour="figure" elements="figure notatedMusic"/>
    <tk:row behaviour="graphic" elements="graphic media binaryObject"/>
    <tk:row behaviour="alternate" elements="choice subst"/>
    <tk:row behaviour="apparatus" elements="app"/>
    <tk:row behaviour="lemma" elements="lem"/>
    <tk:row behaviour="reading" elements="rdg rdgGrp"/>
    <tk:row behaviour="line" elements="l"/>
    <tk:row behaviour="lineGroup" elements="lg"/>
    <tk:row behaviour="speech" elements="sp"/>
    <tk:row behaviour="speaker" elements="speaker"/>
    <tk:row behaviour="stage" elements="stage incident kinesic vocal shift pause"/>
    <tk:row behaviour="address" elements="address"/>
    <tk:row behaviour="addressLine" elements="addrLine street postCode postBox"/>
    <tk:row behaviour="register" elements="listPerson listPlace listOrg listEvent listRelation
        personGrp"/>
    <tk:row behaviour="registerEntry" elements="person place org persona"/>
    <!-- kept out of the reading text: analysis, linking, annotation infrastructure, and
         everything that has a meaning only in the header (rendered by the header block) -->
    <!-- the specification elements of an ODD (the body of an ODD document) -->
    <tk:row behaviour="block" elements="schemaSpec specGrp elementSpec classSpec macroSpec
        dataSpec constraintSpec moduleSpec attDef attList content datatype constraint valList
        valItem valDesc defaultVal model modelGrp modelSequence outputRendition paramList
        paramSpec specList specDesc divGen fsdDecl fsdLink fsDecl fsConstraints fDecl fDescr
        fsDescr fLib fvLib vLabel vDefault vRange vNot vMerge vColl vAlt cond bicond if iff
        then default"/>
    <!-- phrase-level elements: their text in the running text (editorial signs among them
         get their marks from common/signs.xsl) -->
    <tk:row behaviour="inline" elements="hi emph foreign term mentioned soCalled distinct q
        seg s cl phr w m c g pc am abbr expan ex sic corr orig reg supplied unclear gap del
        add damage damageSpan delSpan addSpan surplus secl restore retrace metamark mod
        stamp gloss desc name persName placeName orgName geogName geogFeat roleName addName
        forename surname genName nameLink rs settlement region country district bloc
        location geo offset date time num measure measureGrp unit email idno author editor
        publisher pubPlace distributor authority edition extent biblScope series analytic
        monogr imprint respStmt resp funder sponsor principal availability licence bibl
        biblStruct biblFull msIdentifier msName altIdentifier institution repository
        collection origDate origPlace locus locusGrp material objectName objectType dim
        height width depth textLang role roleDesc actor age sex persPronouns activity
        climate population terrain custEvent meeting memberOf line ellipsis formula rb rt
        ruby orth pron hyph syll stress gram gen number case pos mood tns per iType subc
        colloc lbl hom lang code ident gi att tag val altIdent localName locale path symbol
        string numeric binary f fs classRef classes elementRef macroRef moduleRef
        specGrpRef attRef dataRef dataFacet anyElement empty textNode sequence alternate
        param value source wit leaf rhyme"/>
    <tk:row behaviour="omit" elements="index interp interpGrp certainty precision respons
        span spanGrp link linkGrp join joinGrp alt altGrp timeline when
        standOff facsimile sourceDoc
        surface surfaceGrp zone xenoData witStart witEnd lacunaStart lacunaEnd handShift
        substJoin redo undo listRelation"/>
    <!-- the header's own parts: rendered by the header block of each output, never as text -->
    <tk:row behaviour="metadata" elements="teiHeader fileDesc titleStmt editionStmt
        publicationStmt seriesStmt notesStmt sourceDesc encodingDesc profileDesc revisionDesc
        langUsage language textClass keywords classCode catRef abstract creation correspDesc
        correspAction correspContext particDesc settingDesc setting textDesc channel
        constitution derivation domain factuality interaction preparedness purpose
        calendarDesc calendar projectDesc samplingDecl editorialDecl correction
        normalization quotation hyphenation segmentation interpretation punctuation stdVals
        tagsDecl tagUsage namespace rendition styleDefDecl refsDecl refState cRefPattern
        citeStructure citeData classDecl taxonomy category catDesc geoDecl unitDecl unitDef
        conversion metDecl metSym charDecl char glyph charName glyphName charProp localProp
        unicodeName unicodeProp unihanProp mapping variantEncoding appInfo application
        schemaRef transcriptionDesc scriptStmt recordingStmt change listChange"/>
  </xsl:variable>

  <!-- local name → behaviour. A name in two rows takes the first (the table is read in
       order; "metadata" is last, so an element that also occurs in the text keeps its text
       behaviour). -->
  <xsl:variable name="tk:behaviour-table" as="map(xs:string, xs:string)" select="
      map:merge(for $row in $tk:behaviour-rows, $n in tokenize($row/@elements)
                return map{$n: string($row/@behaviour)}, map{'duplicates': 'use-first'})"/>

  <!-- Elements whose content is phrasing: a quote, bibl, stage … inside them stays inline. -->
  <xsl:variable name="tk:phrasing-hosts" as="xs:string+" select="('p', 'ab', 'l', 'head',
      'item', 'cell', 'hi', 'title', 'seg', 'q', 'emph', 'foreign', 'note', 'persName',
      'placeName', 'orgName', 'name', 'rs', 'said', 'quote', 'speaker', 'label', 'addrLine',
      'dateline', 'salute', 'signed', 'byline', 'docAuthor', 'docDate', 'titlePart', 'lem',
      'rdg', 'corr', 'sic', 'reg', 'orig', 'expan', 'abbr', 'add', 'del', 'supplied', 'w',
      'bibl', 'cit', 'stage', 'figDesc', 'caption')"/>

  <!-- Behaviours that make a block of their own, in every output (when not inline). -->
  <xsl:variable name="tk:block-behaviours" as="xs:string+" select="('document', 'text',
      'section', 'heading', 'paragraph', 'block', 'list', 'listItem', 'label', 'table', 'row',
      'figure', 'line', 'lineGroup', 'speech', 'speaker', 'stage', 'address', 'addressLine',
      'register', 'registerEntry', 'description', 'dictEntry', 'metadata')"/>

  <!-- The behaviour of an element where it stands. -->
  <xsl:function name="tk:behaviour" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" as="xs:string" select="local-name($e)"/>
    <xsl:variable name="b" as="xs:string" select="
        if (namespace-uri($e) ne 'http://www.tei-c.org/ns/1.0') then 'inline'
        else ($tk:behaviour-overrides($n), tk:behaviour-in-context($e, $n),
              $tk:behaviour-table($n), 'inline')[1]"/>
    <!-- a block-like element standing in phrasing content (a phrasing element, or mixed
         content: its parent has text of its own), holding no block, is inline -->
    <xsl:sequence select="if ($b = ('block', 'address', 'addressLine', 'stage', 'label',
          'registerEntry', 'dictEntry', 'description', 'figure', 'list', 'register')
          and $e/parent::*[(local-name() = $tk:phrasing-hosts and not($b = ('address',
              'addressLine') and local-name() = ('ab', 'p', 'address')))
              or text()[normalize-space()]]
          and not(tk:holds-block($e))) then 'inline' else $b"/>
  </xsl:function>

  <!-- Context rules the name alone cannot decide. -->
  <xsl:function name="tk:behaviour-in-context" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="
        if ($n = ('bibl', 'biblStruct', 'biblFull', 'event', 'nym', 'object')
            and $e/parent::*[local-name() = ('listBibl', 'listEvent', 'listNym',
                'listObject')]) then 'registerEntry'
        else if ($n = ('listBibl', 'listNym', 'listObject')) then 'register'
        else if ($n = ('bibl', 'biblStruct', 'biblFull', 'msDesc')) then
          (if ($e/parent::*[local-name() = ('div', 'div1', 'div2', 'div3', 'body', 'back',
              'front', 'cit', 'quote', 'epigraph', 'figure')] or tk:holds-block($e))
           then 'block' else 'inline')
        else if ($n = 'label' and $e/parent::*[self::event or self::place or self::person
            or self::org or self::object or self::nym]) then 'inline'
        else if ($n = 'label' and not($e/parent::list)) then 'block'
        else if ($n = 'seg' and $e/parent::*[self::opener or self::closer]
            and not($e/../text()[normalize-space()])) then 'block'
        else if ($n = ('witDetail')) then 'reading'
        else ()"/>
  </xsl:function>

  <!-- Does an element hold a block (a p, l, list … child, looking through inline ones)? -->
  <xsl:function name="tk:holds-block" as="xs:boolean" cache="yes">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*[local-name() = ('p', 'ab', 'l', 'lg', 'list',
        'table', 'sp', 'div', 'floatingText', 'listBibl', 'listPerson', 'listPlace',
        'listOrg', 'listEvent', 'quote', 'figure', 'address', 'opener', 'closer')
        or tk:holds-block(.)][not(self::note)])"/>
  </xsl:function>

  <!-- True when an element bounds the words around it even where it is inline: a block
       standing in mixed content (closer "Ihrem <signed>…"), the parts of a cast item, the
       events of spoken text, words. Outputs put a word boundary around it. -->
  <xsl:function name="tk:bounds-words" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" as="xs:string" select="local-name($e)"/>
    <xsl:sequence select="namespace-uri($e) eq 'http://www.tei-c.org/ns/1.0' and (
        $n = ('role', 'roleDesc', 'actor', 'w', 'forename', 'surname', 'addName', 'roleName',
              'genName', 'nameLink', 'orth', 'pron', 'pos', 'gen', 'number', 'hyph', 'syll',
              'lbl', 'usg', 'gram', 'settlement', 'repository', 'collection', 'institution',
              'idno', 'msName', 'locus', 'origPlace', 'origDate', 'support', 'extent', 'incident', 'kinesic', 'vocal', 'pause',
              'writing', 'shift', 'lem', 'rdg', 'rdgGrp', 'witDetail', 'stage', 'salute',
              'signed', 'dateline', 'addrLine', 'label', 'bibl', 'quote', 'cit', 'said')
        or $tk:behaviour-table($n) = $tk:block-behaviours)"/>
  </xsl:function>

  <!-- Would the element's text run into the word before it (after it)? True when a letter
       or digit ends the text before and begins the element's own text (or the reverse).
       Outputs put a space there for an element that bounds words. -->
  <xsl:function name="tk:glues-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/self::roleDesc[preceding-sibling::node()[1][self::role]])
        and matches(string($e/preceding::text()[1]), '\w$')
        and matches(string(($e//text()[normalize-space()])[1]), '^\s*\w')
        and not(matches(string(($e//text())[1]), '^\s'))"/>
  </xsl:function>

  <xsl:function name="tk:glues-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/self::role[following-sibling::node()[1][self::roleDesc]])
        and matches(string($e/following::text()[1]), '^\w')
        and matches(string(($e//text()[normalize-space()])[last()]), '\w\s*$')
        and not(matches(string(($e//text())[last()]), '\s$'))"/>
  </xsl:function>

  <!-- The parts of a structured description (msDesc, msPart) and how outputs label them. -->
  <xsl:variable name="tk:description-labels" as="map(xs:string, xs:string)" select="map{
      'msIdentifier': 'Identifier', 'msContents': 'Contents', 'physDesc': 'Physical description',
      'history': 'History', 'additional': 'Additional information', 'msPart': 'Part',
      'msFrag': 'Fragment', 'head': ''}"/>

  <xsl:function name="tk:description-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e[parent::*[local-name() = ('msDesc', 'msPart', 'msFrag')]]
        ! $tk:description-labels(local-name(.))[. != '']"/>
  </xsl:function>

  <!-- True when the element makes a block of its own where it stands. -->
  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:behaviour($e) = $tk:block-behaviours"/>
  </xsl:function>
</xsl:stylesheet>
