<?xml version="1.0" encoding="UTF-8"?>
<!-- Line numbers of verse (l), shared by every output: a line's number is its @n when that
     is a whole number, else one more than the line before (counted from 1 in each text
     unit); the number is shown every fifth line. A non-numeric @n ("12a") is shown as it is. -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tk="urn:teikit:ns"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:accumulator name="tk:line-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text[not(group)]" select="0"/>
    <xsl:accumulator-rule match="l" select="if (@n castable as xs:integer) then xs:integer(@n)
        else $value + 1"/>
  </xsl:accumulator>

  <!-- The line's number. -->
  <xsl:function name="tk:line-n" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="if (normalize-space($l/@n) and not($l/@n castable as xs:integer))
        then normalize-space($l/@n) else string($l ! accumulator-before('tk:line-count'))"/>
  </xsl:function>

  <!-- The number shown in the margin of a line: every fifth, or a non-numeric @n. -->
  <xsl:function name="tk:line-number" as="xs:string?">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="n" as="xs:string" select="tk:line-n($l)"/>
    <xsl:sequence select="if (not($n castable as xs:integer)) then $n
        else if (xs:integer($n) mod 5 = 0 and xs:integer($n) gt 0) then $n else ()"/>
  </xsl:function>

  <!-- The indentation a line's plain @rend asks for (indent, indent2, indent(3) …), in
       steps; 0 when none. -->
  <xsl:function name="tk:indent" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="t" as="xs:string?" select="(tokenize($e/@rend)
        [matches(., '^indent\(?\d*\)?$', 'i')])[1]"/>
    <xsl:sequence select="if (empty($t)) then 0
        else if (matches($t, '\d')) then xs:integer(replace($t, '\D', '')) else 1"/>
  </xsl:function>
</xsl:stylesheet>
