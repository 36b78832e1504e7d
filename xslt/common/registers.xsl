<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every output needs to know about a register entry (person, place, org, bibl in a
  listBibl, event …): its name as a reader reads it, the key it sorts by, its dates in words,
  and its authority records (VIAF, GND, Wikidata, GeoNames) as links with the source named,
  only when the TEI gives them (idno, @ref, @sameAs). Functions only; the outputs lay the
  entries out (text/registers.xsl, html/registers.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The authorities teikit names: source label, how a URI of it looks (group 1: the id),
       the @type values of idno that name it, and its canonical URI for an id. -->
  <xsl:variable name="tk:authorities" as="map(*)+" select="(
      map{'source': 'VIAF', 'uri': '^https?://(?:www\.)?viaf\.org/viaf/(\d+)/?$',
          'types': ('viaf'), 'id': '^\d+$', 'base': 'https://viaf.org/viaf/'},
      map{'source': 'GND', 'uri': '^https?://d-nb\.info/gnd/([0-9X-]+)/?$',
          'types': ('gnd', 'pnd'), 'id': '^[0-9X-]+$', 'base': 'https://d-nb.info/gnd/'},
      map{'source': 'Wikidata', 'uri': '^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q\d+)/?$',
          'types': ('wikidata', 'wd'), 'id': '^Q\d+$', 'base': 'https://www.wikidata.org/wiki/'},
      map{'source': 'GeoNames', 'uri': '^https?://(?:www\.|sws\.)?geonames\.org/(\d+)(?:/.*)?$',
          'types': ('geonames'), 'id': '^\d+$', 'base': 'https://www.geonames.org/'})"/>

  <!-- One authority record from a value (a URI, or an id with the idno's @type); () when the
       value is neither. map{source, id, url}. -->
  <xsl:function name="tk:authority" as="map(*)?">
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="type" as="xs:string?"/>
    <xsl:variable name="v" as="xs:string" select="normalize-space($value)"/>
    <xsl:variable name="t" as="xs:string" select="lower-case(normalize-space($type))"/>
    <xsl:sequence select="(for $a in $tk:authorities return
        if (matches($v, $a?uri)) then map{'source': $a?source,
            'id': replace($v, $a?uri, '$1'), 'url': $v}
        else if ($t = $a?types and matches($v, $a?id))
        then map{'source': $a?source, 'id': $v, 'url': $a?base || $v}
        else ())[1]"/>
  </xsl:function>

  <!-- The authority records an entry gives by @ref and @sameAs (of the entry and of its
       names), each URL once; those its idno children give are shown where they stand
       (tk:idno-authority). -->
  <xsl:function name="tk:authorities" as="map(*)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="given" as="xs:string*" select="$entry/idno ! tk:idno-authority(.)?url"/>
    <xsl:variable name="found" as="map(*)*" select="(
        ($entry, $entry/(persName | placeName | orgName | name))
          /(@ref, @sameAs) ! tokenize(.) ! tk:authority(., ()))[not(?url = $given)]"/>
    <xsl:sequence select="for $u in distinct-values($found ! ?url)
        return $found[?url = $u][1]"/>
  </xsl:function>

  <!-- The authority record an idno gives, if it is one. -->
  <xsl:function name="tk:idno-authority" as="map(*)?">
    <xsl:param name="idno" as="element()"/>
    <xsl:sequence select="tk:authority(string($idno), string($idno/@type))"/>
  </xsl:function>

  <!-- A name as a reader reads it: its parts with one space between them (forename and
       surname are often written with no space between the tags). -->
  <xsl:function name="tk:name-string" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*" select="for $n in $name/node() return
        if ($n/self::note or $n/self::location) then ''
        else if ($n/self::choice) then tk:name-string(tk:choice-shown($n, 'reading'))
        else if ($n/self::*[local-name() = ('forename', 'surname', 'addName', 'roleName',
            'nameLink', 'genName', 'placeName', 'settlement', 'country', 'region', 'addrLine',
            'street', 'postCode', 'postBox', 'district', 'bloc')])
        then ' ' || tk:name-string($n) || ' '
        else if ($n/self::*) then tk:name-string($n)
        else string($n)"/>
    <xsl:sequence select="normalize-space(replace(string-join($parts, ''), '\s+([,.;:)])', '$1'))"/>
  </xsl:function>

  <!-- The name of an entry that heads it. -->
  <xsl:function name="tk:entry-name-element" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="$entry/(persName | placeName | orgName
        | name | title | label | objectName | forename | surname)"/>
    <xsl:sequence select="($names[@type = ('pref', 'main', 'reg')], $names[not(@type)],
        $names)[1]"/>
  </xsl:function>

  <!-- The sort key of a name (the print register and the site register sort by it):
       "surname forename" when the name has surname/forename; else its @sort or the reg of
       a choice; else the last word first. Case and accents are folded by the collation of
       the caller (xsl:sort lang). -->
  <xsl:function name="tk:name-sort-key" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="surname" as="xs:string" select="string-join($name//surname
        ! normalize-space(.), ' ')"/>
    <xsl:variable name="forename" as="xs:string" select="string-join($name//forename
        ! normalize-space(.), ' ')"/>
    <xsl:variable name="plain" as="xs:string" select="tk:name-string($name)"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize($plain)"/>
    <xsl:sequence select="lower-case(normalize-space(
        if ($surname != '') then $surname || ' ' || $forename
        else if ($name/@sort) then string($name/@sort)
        else if ($name//reg) then string-join($name//reg ! normalize-space(.), ' ')
        else if (count($words) gt 1) then $words[last()] || ' ' || string-join($words[position()
            lt last()], ' ')
        else $plain))"/>
  </xsl:function>

  <!-- An ISO date as words ("11 July 1866", "July 1866", "1866"); the value itself when it
       is not an ISO date. -->
  <xsl:function name="tk:iso-date-label" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="v" as="xs:string" select="normalize-space($iso)"/>
    <xsl:sequence select="
        if ($v castable as xs:date) then format-date(xs:date($v), '[D] [MNn] [Y]', 'en', (), ())
        else if ($v castable as xs:gYearMonth) then
          format-date(xs:date($v || '-01'), '[MNn] [Y]', 'en', (), ())
        else if (matches($v, '^-\d{4}$')) then string(-xs:integer($v)) || ' BC'
        else if (matches($v, '^\d{4}$')) then string(xs:integer($v))
        else $v"/>
  </xsl:function>

  <!-- True when a date element's text is only an ISO date (then outputs show it as words). -->
  <xsl:function name="tk:is-iso-text" as="xs:boolean">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="not($d/*) and matches(normalize-space($d),
        '^-?\d{4}(-\d\d(-\d\d)?)?(/-?\d{4}(-\d\d(-\d\d)?)?)?$')"/>
  </xsl:function>

  <!-- A date element (date, birth, death, floruit, event …) in words: its text when it has
       words of its own; else its @when, or @from/@notBefore – @to/@notAfter. -->
  <xsl:function name="tk:date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="normalize-space(string-join(
        $d/(text() | date | *[not(self::placeName or self::settlement or self::location
            or self::note or self::country or self::region or self::district or self::bloc)])
        ! string(.), ' '))"/>
    <xsl:variable name="from" as="xs:string?" select="($d/@from, $d/@notBefore, $d/date/@from,
        $d/date/@notBefore)[1] ! string(.)"/>
    <xsl:variable name="to" as="xs:string?" select="($d/@to, $d/@notAfter, $d/date/@to,
        $d/date/@notAfter)[1] ! string(.)"/>
    <xsl:variable name="when" as="xs:string?" select="($d/@when, $d/date/@when,
        $d/@when-iso)[1] ! string(.)"/>
    <xsl:sequence select="
        if ($text != '' and not(matches($text, '^-?\d{4}(-\d\d(-\d\d)?)?(/-?\d{4}(-\d\d(-\d\d)?)?)?$')))
          then $text
        else if (exists($when)) then tk:iso-date-label($when)
        else if (exists($from) or exists($to)) then
          string-join(distinct-values(($from, $to)) ! tk:iso-date-label(.), '–')
        else if (contains($text, '/')) then
          string-join(tokenize($text, '/') ! tk:iso-date-label(.), '–')
        else tk:iso-date-label($text)"/>
  </xsl:function>

  <!-- The place an event of a life (birth, death) happened, as text, with its coordinates
       when the TEI gives them: "Wien (48,208333 16,373056)". -->
  <xsl:function name="tk:date-place" as="xs:string?">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="places" as="xs:string*" select="for $p in $d/(settlement | placeName
        | country | region | district | bloc | geogName | location | address) return
        string-join(($p[not(self::location)] ! tk:name-string(.)[. != ''],
            ($p/descendant-or-self::geo)[1] ! normalize-space(.)[. != ''] ! ('(' || . || ')')), ' ')"/>
    <xsl:sequence select="string-join($places[. != ''], ', ')[. != '']"/>
  </xsl:function>

  <!-- The label of a field of a register entry, by the element that gives it ('' for none). -->
  <xsl:variable name="tk:entry-field-labels" as="map(xs:string, xs:string)" select="map{
      'persName': 'also', 'placeName': 'also', 'orgName': 'also', 'name': 'also',
      'occupation': 'occupation', 'affiliation': 'affiliation', 'residence': 'residence',
      'education': 'education', 'faith': 'faith', 'nationality': 'nationality',
      'sex': 'sex', 'gender': 'gender', 'age': 'age', 'state': 'state', 'trait': 'trait',
      'langKnowledge': 'languages', 'socecStatus': 'status', 'location': 'location',
      'country': 'country', 'region': 'region', 'settlement': 'settlement',
      'idno': 'identifier', 'population': 'population', 'climate': 'climate',
      'terrain': 'terrain', 'event': 'event', 'floruit': 'active', 'birth': 'born',
      'death': 'died'}"/>

  <!-- Fields of an entry shown together under one label: its other names ("also X, Y"),
       fields of one kind side by side ("occupation A, B"). -->
  <xsl:function name="tk:entry-field-group" as="xs:string">
    <xsl:param name="field" as="element()"/>
    <xsl:sequence select="if ($tk:entry-field-labels(local-name($field)) = 'also') then 'also'
        else if (exists($tk:entry-field-labels(local-name($field)))) then local-name($field)
        else generate-id($field)"/>
  </xsl:function>

  <!-- The children of an entry its heading shows (its name); the outputs lay out every
       other child, in document order, as a field, so that no word is lost. -->
  <xsl:function name="tk:entry-head-parts" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="tk:entry-name-element($entry)"/>
  </xsl:function>

  <!-- A field of an entry as words, when it is a date or a life event: "11 July 1866, Wien
       (48,208333 16,373056)"; () for other fields (the outputs render their content). -->
  <xsl:function name="tk:entry-field-value" as="xs:string?">
    <xsl:param name="field" as="element()"/>
    <xsl:sequence select="
        if ($field/self::birth or $field/self::death) then
          string-join((tk:date-label($field)[. != ''], tk:date-place($field)), ', ')
        else if ($field/self::date or $field/self::floruit) then tk:date-label($field)
        else if (not(normalize-space($field))) then
          ($field/@value, $field/@when ! tk:iso-date-label(.))[1] ! string(.)
        else ()"/>
  </xsl:function>

  <!-- The date of an event (listEvent) from its attributes, '' when it has none. -->
  <xsl:function name="tk:entry-dates" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="string(($entry[@when or @from or @notBefore or @to or @notAfter]
        [self::event] ! tk:date-label-of-attributes(.))[1])"/>
  </xsl:function>

  <!-- A date from attributes only (an event's @when, @from–@to). -->
  <xsl:function name="tk:date-label-of-attributes" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="if ($d/@when) then tk:iso-date-label($d/@when)
        else string-join((($d/@from, $d/@notBefore)[1], ($d/@to, $d/@notAfter)[1])
            ! tk:iso-date-label(.), '–')"/>
  </xsl:function>

  <!-- The heading of a register by its kind, when the list has no head of its own. -->
  <xsl:function name="tk:register-label" as="xs:string">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="map{'listPerson': 'Persons', 'listPlace': 'Places',
        'listOrg': 'Organisations', 'listBibl': 'Bibliography', 'listEvent': 'Events',
        'listNym': 'Names', 'listObject': 'Objects', 'personGrp': 'Group',
        'listRelation': 'Relations'}(local-name($list))"/>
  </xsl:function>
</xsl:stylesheet>
