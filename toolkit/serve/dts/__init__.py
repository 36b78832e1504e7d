"""DTS 1.0 (Distributed Text Services): the edition's texts by citation.

:mod:`.citetree` derives a document's citation trees (the one function both the served
``/dts`` of ``teikit serve`` and the static DTS of ``teikit build`` use), :mod:`.passage`
cuts the text of citable units out of a document, :mod:`.library` keeps the edition's
documents parsed, :mod:`.api` answers the four endpoints and :mod:`.static` writes the
Level 0 files of a static site.
"""
