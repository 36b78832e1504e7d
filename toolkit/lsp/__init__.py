"""``teikit lsp``: validation, completion and documentation inside the editor.

A Language Server Protocol server (pygls, lsprotocol) on top of the validate room:
diagnostics as ``teikit validate`` gives them (:mod:`.diagnostics`), completion from
the grammar's derivative at the cursor (:mod:`.completion`), hover from the ODD and
tei_all's documentation (:mod:`.hover`), go to definition and find references for
``xml:id`` pointers across the edition (:mod:`.definitions`, :mod:`.edition`).
:mod:`.server` wires them to the protocol.
"""
