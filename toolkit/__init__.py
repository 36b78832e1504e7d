"""teikit: a toolkit for TEI-XML scholarly editions."""

from pathlib import Path

__version__ = "0.1.0"

#: The project root when running from a checkout (xslt/, schemas/ live beside the package).
ROOT = Path(__file__).resolve().parent.parent
XSLT_DIR = ROOT / "xslt"
SCHEMA_DIR = ROOT / "schemas"
