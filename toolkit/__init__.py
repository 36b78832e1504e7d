"""teikit: a toolkit for TEI-XML scholarly editions.

Where the toolkit's own data is (stylesheets, schemas, assets, tei_all) is answered by
:mod:`toolkit.edition.resources`, in a checkout and in an installed package alike.
"""

__version__ = "0.1.0"
