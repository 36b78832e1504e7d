<?xml version="1.0" encoding="UTF-8"?>
<!-- Helper functions of the Schematron compiler (namespace urn:teikit:ns). -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:tk="urn:teikit:ns"
                exclude-result-prefixes="#all">

  <!-- Query bindings compiled with XPath 3.1 (XPath 1 bindings included: a superset). -->
  <xsl:variable name="tk:bindings" as="xs:string*"
                select="('', 'xslt', 'xslt2', 'xslt3', 'xpath', 'xpath2', 'xpath3', 'xpath31')"/>

  <!-- Text for an attribute value template: braces doubled. -->
  <xsl:function name="tk:avt-escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace($s, '\{', '{{'), '\}', '}}')"/>
  </xsl:function>

  <!-- Abstract-pattern parameters: every $name replaced by its value, longest names first. -->
  <xsl:function name="tk:subst" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="params" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="fold-left(
        sort(map:keys($params), (), function($k) { -string-length($k) }),
        $s,
        function($acc as xs:string, $k as xs:string) as xs:string {
          replace($acc, '\$' || $k || '([^\w\-.]|$)',
                  replace($params($k), '([\\$])', '\\$1') || '$1')
        })"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- An attribute of a rule component, with abstract-pattern parameters substituted. -->
  <xsl:function name="tk:attr" as="xs:string">
    <xsl:param name="a" as="attribute()?"/>
    <xsl:param name="params" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="if (exists($a)) then tk:subst(string($a), $params) else ''"/>
  </xsl:function>

  <!-- The phase in force: #DEFAULT resolved to the schema's defaultPhase (else #ALL). -->
  <xsl:function name="tk:chosen-phase" as="xs:string">
    <xsl:param name="schema" as="element(sch:schema)"/>
    <xsl:param name="phase" as="xs:string"/>
    <xsl:sequence select="if ($phase = '#DEFAULT')
                          then ($schema/@defaultPhase/string(), '#ALL')[1] else $phase"/>
  </xsl:function>

  <!-- The patterns the selected phase activates, in document order. -->
  <!-- The local names of the elements a rule context can match on (the last element step
       of each alternative, predicates removed), or '*' when it cannot be told (wildcards,
       node tests, variables, functions). A pattern none of whose names occurs in a document
       cannot fire there, so the compiled stylesheet skips its traversal. -->
  <xsl:function name="tk:context-names" as="xs:string*">
    <xsl:param name="context" as="xs:string"/>
    <xsl:variable name="bare" as="xs:string" select="tk:strip-predicates($context)"/>
    <xsl:sequence select="
      if (matches($bare, '[$(]')) then '*'
      else for $alt in tokenize($bare, '\|') return
           let $steps := tokenize(normalize-space($alt), '/+')[normalize-space()],
               $elem := ($steps[not(starts-with(normalize-space(.), '@'))
                              and not(starts-with(normalize-space(.), 'attribute::'))])[last()],
               $name := replace(normalize-space($elem), '^[a-z-]+::', '')
           return if (not($name) or contains($name, '*')) then '*'
                  else replace($name, '^[^:]*:', '')"/>
  </xsl:function>

  <xsl:function name="tk:strip-predicates" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="t" as="xs:string" select="replace($s, '\[[^\[\]]*\]', '')"/>
    <xsl:sequence select="if ($t eq $s) then $s else tk:strip-predicates($t)"/>
  </xsl:function>

  <!-- The trigger names of a pattern: '*' when any rule may match anywhere. -->
  <xsl:function name="tk:pattern-names" as="xs:string*">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:variable name="names" as="xs:string*" select="
      if ($pattern/@is-a or $pattern/sch:rule[not(@context)][not(@abstract = 'true')])
      then '*' else $pattern/sch:rule[not(@abstract = 'true')] ! tk:context-names(@context)"/>
    <xsl:sequence select="if (empty($names) or $names = '*') then '*' else distinct-values($names)"/>
  </xsl:function>

  <!-- How a pattern's candidate nodes can be found without visiting every node: an XPath
       over the generated stylesheet's keys (elements by local name, elements by the local
       names of their attributes), or () when the pattern must be traversed. A pattern is
       selectable when every alternative of every rule context ends in an element step
       that is a name, or a wildcard with a conjunctive attribute predicate ([@a],
       [@a and …], no "or"); the candidates are then a superset of the nodes its rules can
       match, and each is visited once, in document order, as the traversal would. -->
  <xsl:function name="tk:pattern-select" as="xs:string?">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:variable name="rules" as="element(sch:rule)*"
                  select="$pattern/sch:rule[not(@abstract = 'true')]"/>
    <xsl:variable name="keys" as="xs:string*" select="
        if ($pattern/@is-a or empty($rules) or $rules[not(normalize-space(@context))]) then '*'
        else for $c in $rules/@context, $alt in tk:split-top($c, '|')
             return tk:alternative-key($alt)"/>
    <xsl:variable name="els" as="xs:string*"
                  select="distinct-values($keys[starts-with(., 'el:')] ! substring(., 4))"/>
    <xsl:variable name="ats" as="xs:string*"
                  select="distinct-values($keys[starts-with(., 'at:')] ! substring(., 4))"/>
    <xsl:sequence select="
        if ($keys = '*') then ()
        else string-join((
          if (exists($els)) then 'key(''tkv:el'', (' || tk:quoted($els) || '))' else (),
          if (exists($ats)) then 'key(''tkv:at'', (' || tk:quoted($ats) || '))' else ()),
          ' | ')"/>
  </xsl:function>

  <xsl:variable name="tk:ncname" as="xs:string" select="'[\i-[:]][\c-[:]]*'"/>
  <xsl:variable name="tk:qname" as="xs:string" select="'(' || $tk:ncname || ':)?' || $tk:ncname"/>

  <!-- 'el:NAME', 'at:NAME' or '*' for one alternative of a rule context (see above). -->
  <xsl:function name="tk:alternative-key" as="xs:string">
    <xsl:param name="alt" as="xs:string"/>
    <xsl:variable name="step" as="xs:string"
                  select="normalize-space(tk:split-top($alt, '/')[normalize-space()][last()])"/>
    <xsl:variable name="head" as="xs:string"
                  select="replace(normalize-space(tk:strip-predicates($step)), '^child::', '')"/>
    <xsl:variable name="attr-preds" as="xs:string*" select="
        tk:predicates(substring($step, string-length(substring-before($step, '[')) + 1))
        [matches(., '^\s*@' || $tk:qname || '\s*(and\s.*)?$', 's')]
        [not(matches(., '\sor\s|\||\sor\(', 's'))]"/>
    <xsl:sequence select="
        if (matches($head, '^' || $tk:qname || '$')) then 'el:' || replace($head, '^.*:', '')
        else if (matches($head, '^(' || $tk:ncname || ':)?\*$') and contains($step, '[') and exists($attr-preds))
        then 'at:' || replace(replace($attr-preds[1], '^\s*@(' || $tk:qname || ').*$', '$1', 's'),
                              '^.*:', '')
        else '*'"/>
  </xsl:function>

  <!-- "a", "b" … as an XPath sequence body. -->
  <xsl:function name="tk:quoted" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="string-join($names ! ('''' || . || ''''), ', ')"/>
  </xsl:function>

  <!-- $s split at every $sep ('|' or '/') outside brackets, parentheses and quotes. -->
  <xsl:function name="tk:split-top" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:iterate select="tk:tokens($s)">
      <xsl:param name="depth" as="xs:integer" select="0"/>
      <xsl:param name="current" as="xs:string" select="''"/>
      <xsl:on-completion select="$current"/>
      <xsl:choose>
        <xsl:when test=". eq $sep and $depth eq 0">
          <xsl:sequence select="$current"/>
          <xsl:next-iteration>
            <xsl:with-param name="current" select="''"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="depth" select="$depth + tk:depth-change(.)"/>
            <xsl:with-param name="current" select="$current || ."/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The contents of the top-level [...] groups of $s, in order. -->
  <xsl:function name="tk:predicates" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:iterate select="tk:tokens($s)">
      <xsl:param name="depth" as="xs:integer" select="0"/>
      <xsl:param name="current" as="xs:string" select="''"/>
      <xsl:variable name="after" as="xs:integer" select="$depth + tk:depth-change(.)"/>
      <xsl:choose>
        <xsl:when test=". eq '[' and $depth eq 0">
          <xsl:next-iteration>
            <xsl:with-param name="depth" select="$after"/>
            <xsl:with-param name="current" select="''"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test=". eq ']' and $after eq 0">
          <xsl:sequence select="$current"/>
          <xsl:next-iteration>
            <xsl:with-param name="depth" select="0"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="depth" select="$after"/>
            <xsl:with-param name="current" select="$current || ."/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- $s cut into quoted strings, single brackets, parentheses, '|', '/' and the rest. -->
  <xsl:function name="tk:tokens" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:analyze-string select="$s" regex="'[^']*'|&quot;[^&quot;]*&quot;|[\[\]()|/]">
      <xsl:matching-substring>
        <xsl:sequence select="."/>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:sequence select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <xsl:function name="tk:depth-change" as="xs:integer">
    <xsl:param name="token" as="xs:string"/>
    <xsl:sequence select="if ($token = ('[', '(')) then 1 else if ($token = (']', ')')) then -1
                          else 0"/>
  </xsl:function>

  <xsl:function name="tk:active-patterns" as="element(sch:pattern)*">
    <xsl:param name="schema" as="element(sch:schema)"/>
    <xsl:param name="phase" as="xs:string"/>
    <xsl:variable name="chosen" as="xs:string" select="tk:chosen-phase($schema, $phase)"/>
    <xsl:variable name="concrete" as="element(sch:pattern)*"
                  select="$schema/sch:pattern[not(@abstract = 'true')]"/>
    <xsl:choose>
      <xsl:when test="$chosen = '#ALL'">
        <xsl:sequence select="$concrete"/>
      </xsl:when>
      <xsl:when test="empty($schema/sch:phase[@id = $chosen])">
        <xsl:sequence select="error(xs:QName('tk:E0303'), 'no phase named ' || $chosen)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="ids" as="xs:string*"
                      select="$schema/sch:phase[@id = $chosen]/sch:active/@pattern/string()"/>
        <xsl:sequence select="$concrete[@id = $ids]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
