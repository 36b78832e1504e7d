<?xml version="1.0" encoding="UTF-8"?>
<!-- The least an output stylesheet can do: visit every node and write its text.
     bench/build.py runs it three times per document (as the build writes three outputs
     that carry the whole text: HTML and two plain texts) to measure the floor of any
     build whose outputs come from XSLT on saxonche. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="text-only-copy"/>
</xsl:stylesheet>
