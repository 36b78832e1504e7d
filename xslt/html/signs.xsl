<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial signs in HTML, from the single definition in common/signs.xsl.
     Both readings are in the page: <span class="dipl"> and <span class="read">, one of them
     hidden by a class on <body> (tk-reading / tk-diplomatic). Each sign is focusable and
     described (tooltip shown on hover and on focus, by CSS, with or without JavaScript;
     aria-describedby names the tooltip and the legend entry). The tunnel parameter
     tk-mode says which reading is being rendered: 'both', 'diplomatic' or 'reading'. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- the element whose @resp says who made the intervention -->
  <xsl:function name="tk:html-sign-resp" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="r" as="element()?" select="($e[@resp], $e/*[@resp], $e//*[@resp])[1]"/>
    <xsl:sequence select="if ($r) then tk:html-resp-label($r) else 'the source'"/>
  </xsl:function>

  <xsl:function name="tk:html-dipl-string" as="xs:string">
    <xsl:param name="n" as="node()*"/>
    <xsl:variable name="s" as="xs:string*"><xsl:apply-templates select="$n" mode="tk:dipl-text"/></xsl:variable>
    <xsl:sequence select="normalize-space(string-join($s, ''))"/>
  </xsl:function>

  <xsl:function name="tk:html-read-nodes" as="xs:string">
    <xsl:param name="n" as="node()*"/>
    <xsl:variable name="s" as="xs:string*"><xsl:apply-templates select="$n" mode="tk:read-text"/></xsl:variable>
    <xsl:sequence select="normalize-space(string-join($s, ''))"/>
  </xsl:function>

  <!-- the tooltip text of a sign -->
  <xsl:function name="tk:html-tip" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="d" as="xs:string" select="tk:html-dipl-string($e)"/>
    <xsl:variable name="r" as="xs:string" select="tk:html-read-nodes($e)"/>
    <xsl:sequence select="tk:sign-label($kind) || ' — by ' || tk:html-sign-resp($e) || '. '
        || (if ($e/self::choice) then
              'Diplomatic: «' || $d || '»; reading: «' || $r || '».'
              || string-join(($e/* except (tk:choice-shown($e, 'diplomatic'),
                  tk:choice-shown($e, 'reading'))) ! (' ' || upper-case(substring(
                  tk:branch-label(.), 1, 1)) || substring(tk:branch-label(.), 2) || ': «'
                  || tk:html-dipl-string(.) || '».'), '')
            else tk:sign($kind)?description)"/>
  </xsl:function>

  <!-- the wrapper of every sign -->
  <xsl:template name="tk:html-sign">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:variable name="tip" as="xs:string" select="'tk-tip-' || tk:html-uid(.)"/>
    <span class="tk-sign tk-sign-{$kind}{$class}" tabindex="0"
        data-tip="{tk:html-tip(., $kind)}" aria-describedby="{$tip} tk-legend-{$kind}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:sequence select="$content"/>
      <span id="{$tip}" class="tk-tipdata" hidden="hidden">
        <xsl:value-of select="tk:html-tip(., $kind)"/>
      </span>
    </span>
  </xsl:template>

  <!-- choice: both branches, one per reading -->
  <xsl:template match="choice[exists(tk:sign-kind(.))]">
    <xsl:param name="tk-mode" as="xs:string" select="'both'" tunnel="yes"/>
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="d" as="element()?" select="tk:choice-shown(., 'diplomatic')"/>
    <xsl:variable name="r" as="element()?" select="tk:choice-shown(., 'reading')"/>
    <xsl:call-template name="tk:html-sign">
      <xsl:with-param name="kind" select="$kind"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:if test="$r is $d">
          <!-- one branch for both readings (an expansion the source already shows):
               rendered once, its marks differ by reading; names in the branch not shown
               keep their occurrence anchors (the register links to them) -->
          <xsl:apply-templates select="$d"/>
          <xsl:for-each select="(* except $d)//*[normalize-space(@ref)][self::persName
              or self::placeName or self::orgName or self::name or self::rs]">
            <span id="tk-occ-{accumulator-before('tk:html-occ')}" class="tk-occ-hidden"></span>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$tk-mode = ('both', 'diplomatic') and not($r is $d)">
          <span class="dipl"><xsl:apply-templates select="$d">
            <xsl:with-param name="tk-mode" select="'diplomatic'" tunnel="yes"/>
          </xsl:apply-templates></span>
        </xsl:if>
        <xsl:if test="$tk-mode = ('both', 'reading') and not($r is $d)">
          <span class="read"><xsl:apply-templates select="$r">
            <xsl:with-param name="tk-mode" select="'reading'" tunnel="yes"/>
          </xsl:apply-templates></span>
        </xsl:if>
        <!-- a branch neither reading shows (the abbreviation of an expansion the source
             already prints expanded) is named in the sign's description -->
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="choice/sic | choice/corr | choice/orig | choice/reg | choice/abbr
      | choice/expan">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- signs with marks around their content: supplied, gloss, attribution, archival-ref,
       gap, unclear, ex -->
  <xsl:template match="supplied | gloss | bibl[@type = 'archival-ref'] | gap | unclear | ex">
    <xsl:param name="tk-mode" as="xs:string" select="'both'" tunnel="yes"/>
    <xsl:variable name="kind" as="xs:string" select="tk:sign-kind(.)"/>
    <xsl:variable name="block" as="xs:boolean" select="self::bibl and tk:html-has-block(.)"/>
    <xsl:variable name="content" as="item()*">
      <xsl:call-template name="tk:html-marks">
        <xsl:with-param name="kind" select="$kind"/><xsl:with-param name="end" select="'open'"/>
      </xsl:call-template>
      <xsl:if test="self::gap and @reason"><span class="tk-gap-reason">
        <xsl:value-of select="' ' || @reason || ' '"/></span></xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="tk:html-marks">
        <xsl:with-param name="kind" select="$kind"/><xsl:with-param name="end" select="'close'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="self::ex and ancestor::choice">
        <span class="tei-ex"><xsl:sequence select="$content"/></span>
      </xsl:when>
      <xsl:when test="$block">
        <div class="tk-sign tk-sign-{$kind}">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:sequence select="$content"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <!-- where the diplomatic text moves the sign to the apparatus, it is shown in the
             reading text only (its tooltip and the legend still name it) -->
        <xsl:call-template name="tk:html-sign">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="class" select="if (tk:sign-placement(., 'diplomatic') = 'apparatus')
              then ' read' else ''"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the marks of a sign in the reading(s) being rendered -->
  <xsl:template name="tk:html-marks">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="end" as="xs:string"/>
    <xsl:param name="tk-mode" as="xs:string" select="'both'" tunnel="yes"/>
    <xsl:variable name="d" as="xs:string" select="tk:sign-mark(., 'diplomatic', $end)"/>
    <xsl:variable name="r" as="xs:string" select="tk:sign-mark(., 'reading', $end)"/>
    <xsl:choose>
      <xsl:when test="$tk-mode = 'diplomatic'">
        <xsl:if test="$d != ''"><span class="tk-mark"><xsl:value-of select="$d"/></span></xsl:if>
      </xsl:when>
      <xsl:when test="$tk-mode = 'reading'">
        <xsl:if test="$r != ''"><span class="tk-mark"><xsl:value-of select="$r"/></span></xsl:if>
      </xsl:when>
      <xsl:when test="$d = $r">
        <xsl:if test="$d != ''"><span class="tk-mark"><xsl:value-of select="$d"/></span></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$d != ''"><span class="tk-mark dipl"><xsl:value-of select="$d"/></span></xsl:if>
        <xsl:if test="$r != ''"><span class="tk-mark read"><xsl:value-of select="$r"/></span></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- plain text of one reading (tooltips, header fields) -->
  <xsl:template match="choice" mode="tk:dipl-text">
    <xsl:apply-templates select="tk:choice-shown(., 'diplomatic')" mode="#current"/>
  </xsl:template>
  <xsl:template match="choice" mode="tk:read-text">
    <xsl:apply-templates select="tk:choice-shown(., 'reading')" mode="#current"/>
  </xsl:template>
  <xsl:template match="note" mode="tk:dipl-text tk:read-text"/>
  <xsl:template match="supplied | gloss | bibl[@type = 'archival-ref'] | gap | unclear | ex"
      mode="tk:dipl-text">
    <xsl:call-template name="tk:html-marked-text"><xsl:with-param name="m" select="'diplomatic'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="supplied | gloss | bibl[@type = 'archival-ref'] | gap | unclear | ex"
      mode="tk:read-text">
    <xsl:call-template name="tk:html-marked-text"><xsl:with-param name="m" select="'reading'"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="tk:html-marked-text">
    <xsl:param name="m" as="xs:string"/>
    <xsl:value-of select="tk:sign-mark(., $m, 'open')"/>
    <xsl:choose>
      <xsl:when test="$m = 'diplomatic'"><xsl:apply-templates mode="tk:dipl-text"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="tk:read-text"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="tk:sign-mark(., $m, 'close')"/>
  </xsl:template>

  <!-- the legend: every sign kind used in the text, what it means, and who made it -->
  <xsl:template name="tk:html-legend">
    <xsl:variable name="signs" as="element()*" select="(//TEI/text ! tk:sign-candidates(.))
        [exists(tk:sign-kind(.))][not(self::ex[ancestor::choice])]"/>
    <xsl:variable name="used" as="xs:string*" select="distinct-values($signs ! tk:sign-kind(.))"/>
    <xsl:variable name="decl" as="element()?" select="*/teiHeader/encodingDesc/editorialDecl[1]"/>
    <section class="tk-legend" id="tk-legend" aria-labelledby="tk-legend-h">
      <h2 id="tk-legend-h">Editorial signs</h2>
      <xsl:if test="empty($used)"><p>The text has no editorial signs.</p></xsl:if>
      <xsl:if test="$tk:html-modes = 'reading' and (some $s in $signs satisfies
          (tk:sign-maker($s) = 'source' and tk:sign-mark($s, 'reading', 'open')
           ne tk:sign(tk:sign-kind($s))?reading-open))">
        <p class="tk-legend-makers">Insertions are marked by who made them. In the reading
          text, words inserted by the source's editors or its translator keep the source
          publication's square brackets, […]; words inserted by this edition are in angle
          brackets, ⟨…⟩.</p>
      </xsl:if>
      <dl>
        <xsl:for-each select="tk:sign-legend()[?kind = $used]">
          <xsl:variable name="kind" as="xs:string" select="?kind"/>
          <xsl:variable name="these" as="element()*" select="$signs[tk:sign-kind(.) = $kind]"/>
          <div id="tk-legend-{$kind}">
            <dt>
              <span class="tk-legend-sample"><xsl:value-of select="string-join(distinct-values(
                  $these ! tk:html-legend-sample(., $tk:html-modes[1])), ' ')"/></span>
              <xsl:value-of select="' ' || ?label"/>
            </dt>
            <dd>
              <xsl:value-of select="?description || ' '"/>
              <!-- the marks by who made the sign: the same kind may look different -->
              <xsl:for-each-group select="$these" group-by="tk:html-sign-resp(.)">
                <xsl:value-of select="'By ' || current-grouping-key() || ' (' || count(current-group())
                    || '): ' || string-join(distinct-values(current-group() ! tk:html-legend-shows(.)),
                    '; or ') || '. '"/>
              </xsl:for-each-group>
              <xsl:if test="?decl != '' and $decl//*[@xml:id = current()?decl]">
                <a href="#tk-decl-{?decl}">Encoding</a>
              </xsl:if>
            </dd>
          </div>
        </xsl:for-each>
        <xsl:call-template name="tk:html-legend-other-marks"/>
      </dl>
      <xsl:if test="$decl">
        <details class="tk-decl">
          <summary>Editorial principles (from the encoding description)</summary>
          <xsl:for-each select="$decl//p">
            <p>
              <xsl:if test="@xml:id"><xsl:attribute name="id" select="'tk-decl-' || @xml:id"/></xsl:if>
              <xsl:apply-templates mode="tk:header"/>
            </p>
          </xsl:for-each>
        </details>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- how a sign shows in one reading: its marks, a note call, or not at all -->
  <xsl:function name="tk:html-legend-mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="m" as="xs:string"/>
    <xsl:variable name="placement" as="xs:string" select="tk:sign-placement($e, $m)"/>
    <xsl:variable name="o" as="xs:string" select="tk:sign-mark($e, $m, 'open')"/>
    <xsl:variable name="c" as="xs:string" select="tk:sign-mark($e, $m, 'close')"/>
    <xsl:sequence select="
      if ($placement = 'apparatus') then 'not shown, listed in the apparatus'
      else if ($placement = 'endnote') then 'a note call ' || (map{'a': 'a, b, c…',
        'i': 'i, ii, iii…', '1': '1, 2, 3…'}($tk:html-note-series(tk:sign-kind($e))?format))
        || (if ($tk:html-medium = 'print') then ' and a footnote' else ', linked to the note')
      else if ($o = '' and $c = '') then 'no marks'
      else normalize-space($o || '…' || $c)"/>
  </xsl:function>

  <xsl:function name="tk:html-legend-shows" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join($tk:html-modes ! ((if (. = 'diplomatic') then 'diplomatic'
        else 'reading') || ' text: ' || tk:html-legend-mark($e, .)), ', ')"/>
  </xsl:function>

  <xsl:function name="tk:html-legend-sample" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="m" as="xs:string"/>
    <xsl:variable name="shown" as="xs:string*" select="$tk:html-modes ! (
        let $o := tk:sign-mark($e, ., 'open'), $c := tk:sign-mark($e, ., 'close')
        return if (tk:sign-placement($e, .) = 'inline' and ($o != '' or $c != ''))
               then normalize-space($o || '…' || $c) else ())"/>
    <xsl:sequence select="string-join(distinct-values($shown), ' ')"/>
  </xsl:function>

  <!-- the marks that are not editorial signs: links to the register, the signs' underline -->
  <xsl:template name="tk:html-legend-other-marks">
    <xsl:variable name="names" as="element()*" select="//TEI/text//*[normalize-space(@ref)]
        [self::persName or self::placeName or self::orgName or self::name or self::rs]"/>
    <xsl:if test="$tk:html-medium = 'screen' and $register-href != '' and exists($names)">
      <div id="tk-legend-register">
        <dt><span class="tk-legend-sample">name °</span> Register</dt>
        <dd>A person, place or organisation of the register. A name is underlined and
          links to its entry in the register; a name that holds editorial signs of its own
          is followed by °, the link to its entry.</dd>
      </div>
    </xsl:if>
    <xsl:if test="$tk:html-medium = 'screen'">
      <div id="tk-legend-underline">
        <dt><span class="tk-legend-sample">……</span> Dotted underline</dt>
        <dd>An editorial sign: hover over it or focus it for what it is and who made it.</dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:function name="tk:html-marks-label" as="xs:string">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="o" as="xs:string" select="$entry($mode || '-open')"/>
    <xsl:variable name="c" as="xs:string" select="$entry($mode || '-close')"/>
    <xsl:sequence select="if ($o = '' and $c = '') then 'no marks'
        else normalize-space($o || '…' || $c)"/>
  </xsl:function>
</xsl:stylesheet>
