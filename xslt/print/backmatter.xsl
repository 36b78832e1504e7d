<?xml version="1.0" encoding="UTF-8"?>
<!-- Back matter of the print edition: the register of persons, places and organisations
     with page references (CSS target-counter), the editorial conventions (the screen
     edition's legend, from common/signs.xsl), the suggested citation. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="urn:teikit:ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:variable name="tk:print-register-kinds" as="map(xs:string, xs:string)" select="map{
      'persName': 'Persons', 'placeName': 'Places', 'orgName': 'Organisations',
      'name': 'Other names', 'rs': 'Other names'}"/>

  <xsl:template name="tk:print-backmatter">
    <section class="tk-backmatter">
      <xsl:call-template name="tk:print-apparatus"/>
      <xsl:call-template name="tk:print-register"/>
      <section class="tk-conventions">
        <h2 class="tk-running">Editorial conventions</h2>
        <xsl:call-template name="tk:html-legend"/>
      </section>
      <xsl:call-template name="tk:html-cite"/>
    </section>
  </xsl:template>

  <!-- The readings the running text of $mode does not show (corrections, regularisations,
       expansions and the source's own readings), with the page where each stands, so that
       no word of the source is lost on paper. -->
  <xsl:template name="tk:print-apparatus">
    <xsl:variable name="choices" as="element()*"
        select="//TEI/text//choice[count(*) gt 1][exists(tk:sign-kind(.))]"/>
    <xsl:if test="exists($choices)">
      <section class="tk-apparatus">
        <h2 class="tk-running">Textual apparatus</h2>
        <p class="tk-apparatus-intro">
          <xsl:value-of select="'Readings not shown in the ' || $mode || ' text, by page: '
              || 'the reading printed, then the other.'"/>
        </p>
        <ol class="tk-apparatus-list">
          <xsl:for-each select="$choices">
            <xsl:variable name="shown" as="element()?" select="tk:choice-shown(., $mode)"/>
            <li>
              <a class="tk-pageref" href="#tk-app-{tk:html-uid(.)}"/>
              <xsl:for-each select="ancestor::*[@xml:lang][1]/@xml:lang">
                <span class="tk-register-lang"><xsl:value-of select="."/></span>
              </xsl:for-each>
              <span lang="{(ancestor::*[@xml:lang][1]/@xml:lang, 'und')[1]}">
                <xsl:value-of select="tk:print-reading($shown)"/>
                <xsl:text>] </xsl:text>
                <xsl:for-each select="* except $shown">
                  <xsl:value-of select="tk:branch-label(.) || ': '"/>
                  <span class="tk-app-reading"><xsl:value-of select="tk:print-reading(.)"/></span>
                  <xsl:if test="position() != last()">; </xsl:if>
                </xsl:for-each>
              </span>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:function name="tk:print-reading" as="xs:string">
    <xsl:param name="branch" as="element()?"/>
    <xsl:variable name="s" as="xs:string" select="normalize-space(string($branch))"/>
    <xsl:sequence select="if ($s = '') then '(nothing)' else $s"/>
  </xsl:function>

  <!-- Every referenced entity, grouped by kind, with its names (as the entry and the text
       spell them) and the pages of its occurrences, original and translation apart. -->
  <xsl:template name="tk:print-register">
    <xsl:variable name="occ" as="element()*" select="//TEI/text//*[self::persName or
        self::placeName or self::orgName or self::name or self::rs][normalize-space(@ref)]"/>
    <xsl:if test="exists($occ)">
      <section class="tk-register">
        <h2 class="tk-running">Register</h2>
        <xsl:for-each-group select="$occ" group-by="local-name()">
          <xsl:sort select="index-of(('persName', 'placeName', 'orgName', 'name', 'rs'),
              current-grouping-key())"/>
          <h3><xsl:value-of select="$tk:print-register-kinds(current-grouping-key())"/></h3>
          <ul class="tk-register-list">
            <xsl:for-each-group select="current-group()" group-by="tk:html-entity-key(@ref)">
              <xsl:sort select="tk:print-entry-sort-key(current-group())" lang="und"/>
              <li>
                <span class="tk-register-name">
                  <xsl:value-of select="tk:print-entry-label(current-group())"/>
                </span>
                <xsl:for-each-group select="current-group()"
                    group-by="string((ancestor::*[@xml:lang][1]/@xml:lang, '')[1])">
                  <span class="tk-register-occ">
                    <xsl:if test="current-grouping-key() != ''">
                      <span class="tk-register-lang"><xsl:value-of
                          select="current-grouping-key()"/></span>
                    </xsl:if>
                    <!-- one reference per block: occurrences within one paragraph, item or
                         heading are on one page (CSS cannot merge equal page numbers) -->
                    <xsl:for-each-group select="current-group()" group-by="generate-id(
                        (ancestor::*[self::p or self::ab or self::l or self::item or self::head
                         or self::cell or self::dateline or self::closer or self::opener
                         or self::note or self::bibl][1], ..)[1])">
                      <a class="tk-pageref"
                          href="#tk-occ-{accumulator-before('tk:html-occ')}"/>
                      <xsl:if test="position() != last()">, </xsl:if>
                    </xsl:for-each-group>
                  </span>
                </xsl:for-each-group>
              </li>
            </xsl:for-each-group>
          </ul>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The key an entry sorts by: the surname (then forename) of its register entry's name,
       else that name's @sort or regular form, else its last word (common/registers.xsl
       tk:name-sort-key); without an entry, the same of its first occurrence. -->
  <xsl:function name="tk:print-entry-sort-key" as="xs:string">
    <xsl:param name="occ" as="element()+"/>
    <xsl:variable name="ref" as="xs:string" select="tokenize($occ[1]/@ref)[1]"/>
    <xsl:variable name="entry" as="element()?" select="if (starts-with($ref, '#'))
        then key('tk:html-id', substring($ref, 2), root($occ[1]))[1] else ()"/>
    <xsl:variable name="name" as="element()?" select="($entry ! tk:entry-name-element(.),
        $occ[1])[1]"/>
    <xsl:sequence select="tk:name-sort-key($name)"/>
  </xsl:function>

  <!-- An entry's label: the names of its register entry (person/place/org with that
       xml:id), else the distinct spellings in the text. -->
  <xsl:function name="tk:print-entry-label" as="xs:string">
    <xsl:param name="occ" as="element()+"/>
    <xsl:variable name="ref" as="xs:string" select="tokenize($occ[1]/@ref)[1]"/>
    <xsl:variable name="entry" as="element()?" select="if (starts-with($ref, '#'))
        then key('tk:html-id', substring($ref, 2), root($occ[1]))[1] else ()"/>
    <xsl:variable name="names" as="xs:string*" select="
        if ($entry/(persName | placeName | orgName | name))
        then $entry/(persName | placeName | orgName | name) ! normalize-space(string-join(
            .//text()[not(ancestor::note)], ''))
        else $occ ! normalize-space(string-join(.//text()[not(ancestor::note)], ''))"/>
    <xsl:sequence select="string-join(distinct-values($names[. != '']), ' / ')"/>
  </xsl:function>
</xsl:stylesheet>
