<?xml version="1.0" encoding="UTF-8"?>
<!-- The text by behaviour (common/behaviours.xsl): every TEI element without a rule of its
     own (signs, notes, entities, parallel texts have theirs) goes through tk:html-behaviour,
     which calls the named template of its behaviour. An edition's XSLT importing html.xsl
     (or print.xsl) changes one element with a template of its own, one behaviour by
     redefining its named template (tk:html-paragraph, tk:html-heading, tk:html-block,
     tk:html-inline, tk:html-break, tk:html-link, tk:html-line, tk:html-table …), or the
     behaviour of an element by redefining $tk:behaviour-overrides. An element of another
     namespace degrades to its text. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template match="*" priority="-1">
    <xsl:call-template name="tk:html-behaviour">
      <xsl:with-param name="behaviour" select="tk:behaviour(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- not TEI: only its text (and whatever its TEI descendants render); a TEI example
       (egXML) is shown as the XML it is -->
  <xsl:template match="*[namespace-uri() != 'http://www.tei-c.org/ns/1.0']" priority="-0.9">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="*:egXML[namespace-uri() = 'http://www.tei-c.org/ns/Examples']">
    <pre class="tk-egxml"><code><xsl:value-of select="tk:egxml-source(.)"/></code></pre>
  </xsl:template>

  <!-- a part of a manuscript description (msDesc, msPart): labelled -->
  <xsl:template match="*[exists(tk:description-label(.))]" priority="-0.5">
    <section class="tk-description-part">
      <h3 class="tk-description-label"><xsl:value-of select="tk:description-label(.)"/></h3>
      <xsl:call-template name="tk:html-behaviour">
        <xsl:with-param name="behaviour" select="tk:behaviour(.)"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template name="tk:html-behaviour">
    <xsl:param name="behaviour" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$behaviour = ('omit', 'metadata')"/>
      <xsl:when test="$behaviour = 'paragraph'"><xsl:call-template name="tk:html-paragraph"/></xsl:when>
      <xsl:when test="$behaviour = 'heading'"><xsl:call-template name="tk:html-heading"/></xsl:when>
      <xsl:when test="$behaviour = 'break'"><xsl:call-template name="tk:html-break"/></xsl:when>
      <xsl:when test="$behaviour = 'space'"><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="$behaviour = 'anchor'"><xsl:call-template name="tk:html-anchor"/></xsl:when>
      <xsl:when test="$behaviour = 'link'"><xsl:call-template name="tk:html-link"/></xsl:when>
      <xsl:when test="$behaviour = 'line'"><xsl:call-template name="tk:html-line"/></xsl:when>
      <xsl:when test="$behaviour = 'table'"><xsl:call-template name="tk:html-table"/></xsl:when>
      <xsl:when test="$behaviour = 'row' and parent::table"><xsl:call-template name="tk:html-table-row"/></xsl:when>
      <xsl:when test="$behaviour = 'cell' and parent::row/parent::table"><xsl:call-template name="tk:html-table-cell"/></xsl:when>
      <xsl:when test="$behaviour = 'figure' and tk:is-block(.)"><xsl:call-template name="tk:html-figure"/></xsl:when>
      <xsl:when test="$behaviour = 'graphic'"><xsl:call-template name="tk:html-graphic"/></xsl:when>
      <xsl:when test="$behaviour = 'register'"><xsl:call-template name="tk:html-register"/></xsl:when>
      <xsl:when test="$behaviour = 'registerEntry' and tk:is-block(.)"><xsl:call-template name="tk:html-register-entry"/></xsl:when>
      <xsl:when test="$behaviour = 'apparatus'"><xsl:call-template name="tk:html-app"/></xsl:when>
      <xsl:when test="$behaviour = 'reading'"/>
      <xsl:when test="$behaviour = 'alternate'"><xsl:call-template name="tk:html-alternate"/></xsl:when>
      <xsl:when test="tk:html-is-block(.) or tk:html-has-block(.)"><xsl:call-template name="tk:html-block"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="tk:html-inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:html-block">
    <div>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- inline; an element that bounds words (a block in mixed content, a role and its
       description …) gets a space where its letters would touch the next word's -->
  <xsl:template name="tk:html-inline">
    <xsl:variable name="bounds" as="xs:boolean" select="tk:bounds-words(.)"/>
    <xsl:if test="$bounds and tk:glues-before(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="self::roleDesc and preceding-sibling::*[1][self::role]
        and not(preceding-sibling::node()[1][self::text()][normalize-space()])">, </xsl:if>
    <span>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </span>
    <xsl:if test="$bounds and tk:glues-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="tk:html-paragraph">
    <xsl:element name="{if (tk:html-has-block(.)) then 'div' else 'p'}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tk:html-heading">
    <xsl:variable name="level" as="xs:integer" select="max((2, min((6, 1 + count(ancestor::*[
        self::div or self::div1 or self::div2 or self::div3 or self::div4 or self::div5
        or self::floatingText or self::lg or self::list])))))"/>
    <xsl:element name="{if (tk:html-has-block(.)) then 'div' else 'h' || $level}">
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- the readings of a substitution (del, add), each its own word -->
  <xsl:template name="tk:html-alternate">
    <span>
      <xsl:call-template name="tk:html-attrs"/>
      <xsl:for-each select="node()">
        <xsl:if test="self::* and position() gt 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template name="tk:html-anchor">
    <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
  </xsl:template>

  <!-- line, page and column breaks; a page break shows its number in the margin, linked to
       the page image when @facs gives an image address (directly, or through a graphic of
       the document's facsimile) -->
  <xsl:template name="tk:html-break">
    <xsl:choose>
      <xsl:when test="self::lb">
        <xsl:if test="not(parent::*[tk:html-has-block(.)])"><br/></xsl:if>
      </xsl:when>
      <xsl:when test="self::pb">
        <xsl:variable name="image" as="xs:string?" select="tk:facs-image(.)"/>
        <xsl:variable name="label" as="xs:string" select="if (normalize-space(@n))
            then normalize-space(@n) else '‖'"/>
        <xsl:variable name="in-word" as="xs:boolean" select="tk:is-word-internal-break(.)"/>
        <xsl:if test="not($in-word)"><xsl:text> </xsl:text></xsl:if>
        <span class="tk-pb" title="{if (normalize-space(@n)) then 'page ' || normalize-space(@n) else 'page break'}">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <!-- in the middle of a word the number stands in the margin only, not in the
               word as a screen reader or a copy would read it -->
          <xsl:if test="$in-word"><xsl:attribute name="aria-hidden" select="'true'"/></xsl:if>
          <xsl:choose>
            <xsl:when test="exists($image)"><a href="{$image}"><xsl:value-of select="$label"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:if test="not($in-word)"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="@xml:id"><span id="{@xml:id}"></span></xsl:if>
        <xsl:if test="not(tk:is-word-internal-break(.))"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:html-link">
    <xsl:variable name="t" as="xs:string" select="normalize-space((tokenize(@target), '')[1])"/>
    <xsl:choose>
      <xsl:when test="matches($t, '^(https?:|mailto:|#)') and not(tk:html-has-block(.))">
        <a href="{if (starts-with($t, '#') and not(key('tk:html-id', substring($t, 2))))
            then '#' else $t}">
          <xsl:call-template name="tk:html-attrs"/>
          <xsl:apply-templates/>
          <xsl:if test="self::ptr or not(normalize-space(.))"><xsl:value-of select="$t"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:html-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- id, lang and classes of a rendered TEI element -->
  <xsl:template name="tk:html-attrs">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="tk:html-lang(@xml:lang)"/></xsl:if>
    <xsl:attribute name="class" select="string-join(('tei-' || local-name(),
        (@type, @rend) ! tokenize(.) ! replace(., '[^\w\-]', '') ! ('tk-' || .)), ' ')"/>
  </xsl:template>
</xsl:stylesheet>
