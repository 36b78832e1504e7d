"""teikit lsp end to end: a real LSP client (pytest-lsp) talks to `teikit lsp` over stdio.

The telegram and broken copies of it (written beside a link to the repository's
schemas, so that their xml-model PIs resolve as the telegram's do) are opened; the
diagnostics must equal what `teikit validate --format json` reports for the same
file: the same messages on the same lines with the same severities.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import ROOT, TELEGRAM
from toolkit.validate import schemas as registry

pytestmark = [
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.skipif(registry.tei_all(required=False) is None,
                       reason="tei_all.rng not installed"),
]

SOURCE = TELEGRAM.read_text(encoding="utf-8")
BROKEN = {
    "no-namespace": ('<TEI xmlns="http://www.tei-c.org/ns/1.0"', "<TEI"),
    "div-in-p": ('<p><persName ref="#mao">', '<p><div/><persName ref="#mao">'),
    "bad-note-type": ('<note type="editorial" resp="#teikit">The English',
                      '<note type="editor" resp="#teikit">The English'),
    "duplicate-id": ('<person xml:id="roshchin">', '<person xml:id="stalin">'),
    "dangling": ('<persName ref="#mao">Mao Zedong', '<persName ref="#nobody">Mao Zedong'),
    "not-well-formed": ("<title>Ciphered Telegram No. 22591</title>",
                        "<title>Ciphered Telegram No. 22591</titl>"),
}


_HEADER = ('<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt><publicationStmt>'
           '<p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>')
PERSONS = ('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + _HEADER.format("Persons")
           + '<standOff><listPerson>\n<person xml:id="kant"><persName>Immanuel Kant</persName>'
           '<birth when="1724-04-22"/><death when="1804-02-12"/></person>\n'
           '</listPerson></standOff><text><body><p/></body></text></TEI>\n')
LETTER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + _HEADER.format("A letter")
          + '<text><body>\n<p>A letter about <persName ref="lists/persons.xml#kant">Kant'
          '</persName>.</p>\n</body></text></TEI>\n')


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """tei/ with the telegram and its broken copies, schemas/ linked to the repository's."""
    root = tmp_path_factory.mktemp("edition")
    (root / "schemas").symlink_to(ROOT / "schemas")
    tei = root / "tei"
    tei.mkdir()
    (tei / "telegram.xml").write_text(SOURCE, encoding="utf-8")
    for name, (old, new) in BROKEN.items():
        assert old in SOURCE, name
        (tei / f"{name}.xml").write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    (tei / "lists").mkdir()
    (tei / "lists" / "persons.xml").write_text(PERSONS, encoding="utf-8")
    (tei / "letter.xml").write_text(LETTER, encoding="utf-8")
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "toolkit.cli", "lsp"]))
async def client(lsp_client: LanguageClient, edition: Path):
    registered = []

    @lsp_client.feature(t.CLIENT_REGISTER_CAPABILITY)
    def register(params: t.RegistrationParams):  # as VS Code does: accept
        registered.append(params)

    params = t.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                root_uri=edition.as_uri(), locale="en")
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def _validate(path: Path) -> set[tuple[int, str, str]]:
    out = subprocess.run([sys.executable, "-m", "toolkit.cli", "validate", str(path),
                          "--format", "json"], capture_output=True, text=True, timeout=120)
    report = json.loads(out.stdout)["files"][0]
    return {(m["line"], m["severity"], m["message"]) for m in report["messages"]}


_SEVERITY = {t.DiagnosticSeverity.Error: "error", t.DiagnosticSeverity.Warning: "warning",
             t.DiagnosticSeverity.Information: "info"}


async def _open(client: LanguageClient, path: Path, text: str | None = None,
                version: int = 1) -> list[t.Diagnostic]:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(
        uri, "xml", version, path.read_text(encoding="utf-8") if text is None else text)))
    return await _diagnostics(client, uri)


async def _diagnostics(client: LanguageClient, uri: str, timeout: float = 60
                       ) -> list[t.Diagnostic]:
    for _ in range(int(timeout * 20)):
        if uri in client.diagnostics:
            return client.diagnostics[uri]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri} in {timeout} s")


def _close(client: LanguageClient, path: Path) -> None:
    client.text_document_did_close(t.DidCloseTextDocumentParams(
        t.TextDocumentIdentifier(path.as_uri())))


def _as_validate(diags: list[t.Diagnostic]) -> set[tuple[int, str, str]]:
    return {(d.range.start.line + 1, _SEVERITY[d.severity], d.message) for d in diags}


@pytest.mark.parametrize("name", ["telegram", *BROKEN])
async def test_diagnostics_equal_teikit_validate(client: LanguageClient, edition: Path,
                                                 name: str):
    path = edition / "tei" / f"{name}.xml"
    diags = await _open(client, path)
    expected = _validate(path)
    assert _as_validate(diags) == expected
    if name != "telegram":
        assert any(s == "error" or "pointer" in m for _, s, m in expected), \
            "the broken copy is meant to have a problem"
    _close(client, path)


async def test_tei_without_namespace_gets_jings_message(client, edition):
    diags = await _open(client, edition / "tei" / "no-namespace.xml")
    messages = [d.message for d in diags]
    assert ('element "TEI" not allowed here; expected element "TEI" or "teiCorpus" '
            '(with xmlns="http://www.tei-c.org/ns/1.0")') in messages
    root = next(d for d in diags if d.message.startswith('element "TEI"'))
    line = SOURCE.replace('<TEI xmlns="http://www.tei-c.org/ns/1.0"', "<TEI").splitlines()[
        root.range.start.line]
    assert line[root.range.start.character:root.range.end.character].startswith("<TEI ")
    assert line[root.range.end.character - 1] == ">", "the range covers the start tag"
    _close(client, edition / "tei" / "no-namespace.xml")


async def test_schematron_rule_ids_are_codes(client, edition):
    diags = await _open(client, edition / "tei" / "div-in-p.xml")
    codes = {d.code for d in diags}
    assert "tei_all-div-abstractModel-structure-p-constraint-report-15" in codes
    _close(client, edition / "tei" / "div-in-p.xml")


def _odd_values(element: str, attribute: str) -> set[str]:
    """The valItems the project's ODD lists for an element's attribute."""
    from toolkit import xmlio

    odd = xmlio.parse(ROOT / "schemas" / "teikit.odd", xinclude=False)
    found = odd.xpath("//t:elementSpec[@ident=$e]//t:attDef[@ident=$a]//t:valItem/@ident",
                      namespaces={"t": xmlio.TEI_NS}, e=element, a=attribute)
    assert found, f"the ODD has no closed list for {element}/@{attribute}"
    return set(found)


def _position(text: str, marker: str, delta: int) -> t.Position:
    offset = text.index(marker) + delta
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return t.Position(line, len(text[offset - column:offset].encode("utf-16-le")) // 2)


async def _complete(client, path: Path, text: str, marker: str, delta: int) -> list:
    result = await client.text_document_completion_async(t.CompletionParams(
        t.TextDocumentIdentifier(path.as_uri()), _position(text, marker, delta)))
    items = result.items if isinstance(result, t.CompletionList) else result
    for item in items:
        assert item.documentation is not None or item.detail, f"{item.label} undocumented"
    return items


async def test_completion_inside_p_follows_the_grammar(client, edition):
    path = edition / "tei" / "telegram.xml"
    await _open(client, path)
    items = await _complete(client, path, SOURCE, '<p><persName ref="#mao">', 3)
    labels = {i.label for i in items}
    assert {"persName", "placeName", "choice", "date"} <= labels
    assert not {"p", "div", "body", "teiHeader"} & labels  # not a flat list
    pers = next(i for i in items if i.label == "persName")
    assert "personal name" in pers.documentation.value


async def test_completion_inside_choice(client, edition):
    path = edition / "tei" / "telegram.xml"
    items = await _complete(client, path, SOURCE, "<choice><orig>Экз.N</orig>", 8)
    labels = {i.label for i in items}
    assert {"sic", "corr", "orig", "reg", "abbr", "expan"} <= labels
    assert not {"p", "persName", "note"} & labels


async def test_completion_of_attribute_names_and_values(client, edition):
    path = edition / "tei" / "telegram.xml"
    text = SOURCE.replace('<p><persName ref="#mao">', '<p><persName  ref="#mao">', 1)
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        t.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        [t.TextDocumentContentChangeWholeDocument(text)]))
    items = await _complete(client, path, text, '<p><persName  ref', len("<p><persName "))
    labels = [i.label for i in items]
    assert "type" in labels and "xml:lang" in labels
    assert "ref" not in labels, "an attribute already written is not offered again"
    # closed value list of the project's ODD, documented from it
    items = await _complete(client, path, text, '<note type="editorial" resp="#teikit">The En',
                            len('<note type="'))
    values = {i.label: i for i in items}
    assert set(values) == _odd_values("note", "type")  # exactly the ODD's closed list
    assert "A note of this edition" in values["editorial"].documentation.value
    # pointers: the document's xml:ids with their labels
    items = await _complete(client, path, text, '<persName  ref="#mao">', len('<persName  ref="#'))
    pointers = {i.label: i for i in items}
    assert "#stalin" in pointers and "Stalin" in pointers["#stalin"].documentation.value


async def test_required_attributes_come_first(client, edition):
    path = edition / "tei" / "required.xml"
    text = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            '<title>x</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
            '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
            '<p><graphic /></p></body></text></TEI>')
    await _open(client, path, text)
    items = await _complete(client, path, text, "<graphic />", len("<graphic "))
    ordered = sorted(items, key=lambda i: i.sort_text)
    assert ordered[0].label == "url" and ordered[0].detail.startswith("required")
    assert all(i.detail.startswith("optional") for i in ordered[1:])
    assert len(ordered) > 10
    _close(client, path)


async def test_hover_element_and_pointer(client, edition):
    path = edition / "tei" / "telegram.xml"
    text = SOURCE
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        t.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=3),
        [t.TextDocumentContentChangeWholeDocument(text)]))
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(path.as_uri()), _position(text, '<p><persName ref="#mao">', 6)))
    assert h is not None and "personal name" in h.contents.value
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(path.as_uri()),
        _position(text, '<p><persName ref="#mao">', len('<p><persName ref="#m'))))
    assert h is not None and "**person** `#mao`" in h.contents.value
    assert "Mao Zedong" in h.contents.value


async def test_definition_and_references(client, edition):
    path = edition / "tei" / "telegram.xml"
    locs = await client.text_document_definition_async(t.DefinitionParams(
        t.TextDocumentIdentifier(path.as_uri()),
        _position(SOURCE, '<persName ref="#stalin">Stalin', len('<persName ref="#st'))))
    assert locs and locs[0].uri == path.as_uri()
    declared = SOURCE.splitlines()[locs[0].range.start.line]
    assert 'xml:id="stalin"' in declared
    refs = await client.text_document_references_async(t.ReferenceParams(
        text_document=t.TextDocumentIdentifier(path.as_uri()),
        position=_position(SOURCE, '<person xml:id="stalin">', len('<person xml:id="st')),
        context=t.ReferenceContext(include_declaration=False)))
    uris = {r.uri for r in refs}
    assert SOURCE.count('"#stalin"') <= len([r for r in refs if r.uri == path.as_uri()])
    # the edition's other files point to it as well (the broken copies point into
    # themselves, so only this file's references are expected here)
    assert path.as_uri() in uris


async def test_a_fix_clears_its_diagnostic(client, edition):
    path = edition / "tei" / "fix.xml"
    old, new = BROKEN["div-in-p"]
    broken = SOURCE.replace(old, new, 1)
    diags = await _open(client, path, broken)
    assert any('element "div" not allowed here' in d.message for d in diags)
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_change(t.DidChangeTextDocumentParams(
        t.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        [t.TextDocumentContentChangeWholeDocument(SOURCE)]))
    diags = await _diagnostics(client, path.as_uri())
    assert not any('element "div"' in d.message for d in diags)
    _close(client, path)


async def test_rapid_changes_cancel_checks_in_flight(client, edition):
    path = edition / "tei" / "rapid.xml"
    await _open(client, path, SOURCE)
    published: list[int | None] = []
    uri = path.as_uri()
    original = client.protocol.fm.features.get(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert original is not None
    seen_before = len(client.diagnostics)  # noqa: F841 (for the reader: a fresh dict key)

    def record(params: t.PublishDiagnosticsParams):
        if params.uri == uri:
            published.append(params.version)
        return original(params)

    client.protocol.fm.features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    try:
        old, new = BROKEN["div-in-p"]
        for version in range(2, 32):
            text = SOURCE.replace(old, new, 1) if version % 2 else SOURCE
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [t.TextDocumentContentChangeWholeDocument(text)]))
            await asyncio.sleep(0.01)
        for _ in range(400):
            if published and published[-1] == 31:
                break
            await asyncio.sleep(0.05)
    finally:
        client.protocol.fm.features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = original
    assert published and published[-1] == 31, published
    assert len(published) < 10, f"stale checks were published: {published}"
    assert all(v == 31 for v in published), published
    # version 31 is odd: the broken text
    assert any('element "div" not allowed here' in d.message for d in client.diagnostics[uri])
    _close(client, path)


from tests.hardening import hostile  # noqa: E402

HOSTILE = {
    "billion-laughs": hostile.billion_laughs().decode("utf-8"),
    "quadratic": hostile.quadratic_blowup(10_000, 2_000).decode("utf-8"),
    "external-entity": hostile.external_entity("file:///etc/passwd").decode("utf-8"),
    "deep": hostile.deep(3000).decode("utf-8"),
    "utf16-declared": '<?xml version="1.0" encoding="UTF-16"?>\n<TEI/>',
}


@pytest.mark.parametrize("name", HOSTILE)
async def test_hostile_documents_get_a_diagnostic_and_never_crash(client, edition, name):
    path = edition / "tei" / f"hostile-{name}.xml"  # one each: no stale publication
    text = HOSTILE[name]
    diags = await _open(client, path, text)
    assert diags and diags[0].severity == t.DiagnosticSeverity.Error
    assert not any(d.code == "internal-error" for d in diags), diags
    if name == "external-entity":
        assert not any("root:" in d.message for d in diags), "/etc/passwd was read"
    end = t.Position(text.count("\n"), len(text.rsplit("\n", 1)[-1]) // 2)
    await client.text_document_completion_async(t.CompletionParams(
        t.TextDocumentIdentifier(path.as_uri()), end))
    _close(client, path)


@pytest.mark.parametrize("text", [
    "", "<", "<TEI", "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><",
    "<html><body><p>not TEI</p></body></html>", "\x00\x01 garbage &&& <<<",
    '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p a="',
], ids=["empty", "lt", "half-root", "half-header", "html", "garbage", "half-attribute"])
async def test_half_typed_and_foreign_documents_never_crash(client, edition, text):
    path = edition / "tei" / f"robust-{abs(hash(text))}.xml"  # one each: no stale publication
    diags = await _open(client, path, text)
    assert diags and all(d.severity == t.DiagnosticSeverity.Error for d in diags[:1])
    end = t.Position(text.count("\n"), len(text.rsplit("\n", 1)[-1]))
    await client.text_document_completion_async(t.CompletionParams(
        t.TextDocumentIdentifier(path.as_uri()), end))
    await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(path.as_uri()), end))
    _close(client, path)
    # and the server still serves
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier((edition / "tei" / "telegram.xml").as_uri()),
        _position(SOURCE, '<p><persName ref="#mao">', 6)))
    assert h is not None


async def test_pointers_across_the_edition(client, edition):
    letter, persons = edition / "tei" / "letter.xml", edition / "tei" / "lists" / "persons.xml"
    await _open(client, letter)
    marker = 'ref="lists/persons.xml#kant"'
    locs = await client.text_document_definition_async(t.DefinitionParams(
        t.TextDocumentIdentifier(letter.as_uri()), _position(LETTER, marker, len(marker) - 3)))
    assert locs and locs[0].uri == persons.as_uri()
    assert 'xml:id="kant"' in PERSONS.splitlines()[locs[0].range.start.line]
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(letter.as_uri()), _position(LETTER, marker, len(marker) - 3)))
    assert "Immanuel Kant" in h.contents.value and "birth 1724-04-22" in h.contents.value
    # completion of a pointer offers the other file's ids, relative to this one
    items = await _complete(client, letter, LETTER, marker, len('ref="'))
    assert "lists/persons.xml#kant" in {i.label for i in items}
    # references from the declaration find the pointer in the other file
    await _open(client, persons)
    refs = await client.text_document_references_async(t.ReferenceParams(
        text_document=t.TextDocumentIdentifier(persons.as_uri()),
        position=_position(PERSONS, 'xml:id="kant"', len('xml:id="ka')),
        context=t.ReferenceContext(include_declaration=True)))
    assert {r.uri for r in refs} == {persons.as_uri(), letter.as_uri()}
    _close(client, letter)
    _close(client, persons)


GRAMMAR = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="doc">'
           '{}</element></start></grammar>')


async def test_a_changed_schema_rechecks_open_documents(client, edition):
    rng = edition / "watched.rng"
    rng.write_text(GRAMMAR.format("<text/>"), encoding="utf-8")
    path = edition / "watched.xml"
    text = '<?xml-model href="watched.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>' \
        "\n<doc>some text</doc>\n"
    assert list(await _open(client, path, text)) == []
    client.diagnostics.pop(path.as_uri(), None)
    rng.write_text(GRAMMAR.format("<empty/>"), encoding="utf-8")  # text no longer allowed
    diags = await _diagnostics(client, path.as_uri(), timeout=30)
    assert [d.message for d in diags] == ["text not allowed here; expected the element end-tag"]
    _close(client, path)


async def test_a_document_not_well_formed_is_still_served(client, edition):
    path = edition / "tei" / "not-well-formed.xml"
    old, new = BROKEN["not-well-formed"]
    text = SOURCE.replace(old, new, 1)
    diags = await _open(client, path)
    assert len(diags) == 1 and diags[0].severity == t.DiagnosticSeverity.Error
    assert diags[0].range.start.line == text[:text.index("</titl>")].count("\n")
    items = await _complete(client, path, text, "<choice><orig>Экз.N</orig>", 8)
    assert {"sic", "corr", "reg"} <= {i.label for i in items}
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(path.as_uri()), _position(text, '<p><persName ref="#mao">', 6)))
    assert h is not None and "personal name" in h.contents.value
    _close(client, path)
