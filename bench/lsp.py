"""teikit lsp with a scripted client: diagnostics and completion latency, memory; jing beside.

Not a test: prints a table. A pygls client starts ``teikit lsp`` over stdio (as an
editor does), opens each document, then, N times: changes one character and saves
(the server checks at once on save; on a keystroke it waits DEBOUNCE first), and
measures the time from didSave to the diagnostics of that version; then asks for
completion inside a paragraph near the end of the document. The server's memory
(VmRSS, and the peak VmHWM from /proc) is read at the end. Beside it, jing as an
editor plug-in without a server would run it: one JVM per save (``jing tei_all FILE``).

    .venv/bin/python bench/lsp.py [-n 5] [FILE ...]

Default files: a 100 KB document (teic-tei__testms.xml) and the 2 MB Dickens novel of
../shared/corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [CORPUS / "teic-tei__testms.xml", CORPUS / "eltec-eng__ENG18481_Dickens.xml"]
sys.path.insert(0, str(ROOT))


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("teikit-bench", "1")
        self.published: dict[str, asyncio.Queue] = {}


def _position(text: str, offset: int) -> t.Position:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return t.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def _memory(pid: int) -> tuple[int, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        k, _, v = line.partition(":")
        fields[k] = v.strip()
    kb = lambda k: int(fields.get(k, "0 kB").split()[0])  # noqa: E731
    return kb("VmRSS") // 1024, kb("VmHWM") // 1024


async def _diagnostics(client: Client, uri: str, version: int) -> list:
    q = client.published[uri]
    while True:
        params = await asyncio.wait_for(q.get(), 120)
        if params.version == version:
            return params.diagnostics


async def run(files: list[Path], n: int) -> None:
    client = Client()
    client.published = {f.as_uri(): asyncio.Queue() for f in files}

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: t.PublishDiagnosticsParams):
        if params.uri in client.published:
            client.published[params.uri].put_nowait(params)

    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "toolkit.cli", "lsp")
    await client.initialize_async(t.InitializeParams(
        capabilities=t.ClientCapabilities(), root_uri=files[0].parent.as_uri()))
    client.initialized(t.InitializedParams())
    pid = client._server.pid
    rows = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        uri = f.as_uri()
        t0 = time.perf_counter()
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri, "xml", 1, text)))
        diags = await _diagnostics(client, uri, 1)
        first = time.perf_counter() - t0
        if f == files[0]:
            startup = time.perf_counter() - started
        saves, completions = [], []
        where = text.rfind("<p>") + 3 if "<p>" in text else text.rfind("<") - 1
        for version in range(2, n + 2):
            edited = text[:where] + (" " if version % 2 else "") + text[where:]
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [t.TextDocumentContentChangeWholeDocument(edited)]))
            t0 = time.perf_counter()
            client.text_document_did_save(t.DidSaveTextDocumentParams(
                t.TextDocumentIdentifier(uri)))
            await _diagnostics(client, uri, version)
            saves.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            result = await client.text_document_completion_async(t.CompletionParams(
                t.TextDocumentIdentifier(uri), _position(edited, where)))
            completions.append(time.perf_counter() - t0)
            assert result is not None and result.items, "no completion items"
        jing = _jing(f, n)
        rows.append((f.name, len(text.encode()) // 1024, len(diags), first,
                     statistics.median(saves), statistics.median(completions), jing))
    rss, peak = _memory(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    print(f"start-up (process, initialize, first document's diagnostics): {startup:.2f} s")
    print(f"server memory after the run: {rss} MB resident, peak {peak} MB\n")
    print("| file | KB | diagnostics | first check (cold) | on save (median) | completion "
          "(median) | jing per save | jing / teikit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, kb, nd, first, save, comp, jing in rows:
        ratio = f"{jing / save:.0f}×" if jing else "n/a"
        jing_s = f"{jing:.2f} s" if jing else "n/a"
        print(f"| {name} | {kb} | {nd} | {first * 1000:.0f} ms | {save * 1000:.0f} ms | "
              f"{comp * 1000:.1f} ms | {jing_s} | {ratio} |")


def _jing(f: Path, n: int) -> float | None:
    jing = shutil.which("jing")
    from toolkit.validate import schemas

    tei_all = schemas.tei_all(required=False)
    if jing is None or tei_all is None:
        return None
    times = []
    for _ in range(max(1, min(n, 3))):
        t0 = time.perf_counter()
        subprocess.run([jing, str(tei_all), str(f)], capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=5, help="saves and completions per file")
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    files = [f.resolve() for f in (args.files or DEFAULT)]
    missing = [f for f in files if not f.is_file()]
    if missing:
        sys.exit(f"bench/lsp.py: missing {', '.join(map(str, missing))} (../shared/corpus?)")
    asyncio.run(run(files, args.n))


if __name__ == "__main__":
    main()
