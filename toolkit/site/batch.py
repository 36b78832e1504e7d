"""Corpus-scale builds: executors (in-process, process pool, Dask) and incremental runs.

The unit of work is one document: :func:`build_one` takes a source path, the output
folder and the :class:`BuildOptions` and returns a picklable
:class:`~toolkit.site.document.DocResult` (a failure travels as a :class:`DocumentFailed`
holding a plain :class:`~toolkit.errors.Issue`). Executors run it:

* ``serial``: in this process (``-j 1``, or a single document to build);
* ``process``: a pool of spawned worker processes, each compiling every stylesheet
  once in its initializer (toolkit.saxon caches compiled stylesheets per process);
* ``dask-local`` (a LocalCluster on 127.0.0.1, for testing) or ``dask://HOST:PORT``
  (a running scheduler; the workers must see SRC and OUT at the same paths).

:func:`run_build` compares each source with the state of the last build
(:mod:`toolkit.site.state`), builds only what changed, removes the outputs of deleted
sources, and rewrites the home page and the register from the stored site facts.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from .. import xmlio
from ..errors import InputError, Issue, ResourceMissing, TeikitError
from ..render import overrides
from ..render.overrides import Stylesheets
from . import document as builder
from . import search
from . import state as st
from .chrome import SiteInfo
from .look import Look

DEFAULT_TITLE = "Edition"
#: the hash of the SiteInfo the site pages were last written with
SITE_INFO_NAME = ".teikit-site"


def _site_key(site: SiteInfo) -> str:
    return hashlib.sha256(json.dumps(dataclasses.asdict(site), sort_keys=True)
                          .encode()).hexdigest()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


class DocumentFailed(TeikitError):
    """A document's failure as a plain Issue, so that it crosses process boundaries
    (TeikitError subclasses with keyword arguments do not unpickle with their location)."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message, issue.file, issue.line, issue.column, issue.path,
                         issue.rule)
        self.issue = issue

    def __reduce__(self):
        return (DocumentFailed, (self.issue,))

    def as_issue(self) -> Issue:
        return self.issue


@dataclass(frozen=True)
class BuildOptions:
    """What shapes a document's outputs (all of it goes into the state fingerprint,
    except the access date, which each document's state entry records)."""

    base_url: str | None = None
    accessed: str | None = None  # citations' access date; None: today
    pdf: bool = True
    # the edition's configuration (teikit.toml)
    scope: xmlio.IncludeScope | None = None  # where XIncludes may read; None: SRC
    stylesheets: Stylesheets | None = None  # the edition's own XSLT
    styles: tuple[str, ...] | None = None  # citation styles written; None: all
    paper: str = "a4"
    publisher: str | None = None
    dts: bool | None = None  # the static DTS in OUT/dts/; None: when there is a base URL

    def fingerprinted(self) -> dict:
        fp = {"base_url": self.base_url or "", "pdf": self.pdf}
        # only what differs from the defaults, so that a build without a configuration
        # keeps the fingerprint it always had
        if self.scope is not None:
            fp["scope"] = [self.scope.root, *self.scope.allowed]
        if self.stylesheets is not None:
            fp["stylesheets"] = overrides.hashes(self.stylesheets)
        if self.styles is not None:
            fp["styles"] = list(self.styles)
        if self.paper != "a4":
            fp["paper"] = self.paper
        if self.publisher:
            fp["publisher"] = self.publisher
        return fp


def build_one(src: str, out: str, opts: BuildOptions) -> builder.DocResult:
    """Build one document (in whatever process runs this); never raises."""
    try:
        res = builder.build_document(Path(src), Path(out), opts.base_url, opts.accessed,
                                     pdf=opts.pdf, scope=opts.scope,
                                     stylesheets=opts.stylesheets, styles=opts.styles,
                                     paper=opts.paper, publisher=opts.publisher)
    except Exception as exc:  # noqa: BLE001 - one document must not stop the others
        res = builder.DocResult(src)
        res.error = TeikitError(f"internal error: {type(exc).__name__}: {exc}", file=src)
    if res.error is not None and not isinstance(res.error, DocumentFailed):
        res.error = DocumentFailed(res.error.as_issue())
    return res


def warm_worker(pdf: bool = False) -> None:
    """Compile every stylesheet a document build uses, once, in this process."""
    from ..edition.resources import stylesheet
    from ..saxon import compile_stylesheet

    for name in ("html", "text", "cite", *(("print",) if pdf else ())):
        try:
            compile_stylesheet(stylesheet(name))
        except TeikitError:
            pass  # reported by the document that needs it


def require_pdf() -> None:
    """Refuse a PDF build up front (exit 3) when WeasyPrint or Pango is missing, rather
    than failing every document (and caching those failures)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        raise ResourceMissing(f"PDF output needs WeasyPrint and Pango ({exc}); "
                              "install them (scripts/setup.sh) or build with --no-pdf") from None


# ---------------------------------------------------------------- executors

Task = tuple[str, str, BuildOptions]


def _serial(tasks: list[Task], jobs: int) -> Iterator[builder.DocResult]:
    for t in tasks:
        yield build_one(*t)


#: rule of a failure that says nothing about the document: retried by the next build
LOST = "worker-lost"


def _lost(task: Task, exc: BaseException) -> builder.DocResult:
    """The result of a document whose worker died (killed, out of memory, lost)."""
    res = builder.DocResult(task[0])
    res.error = DocumentFailed(Issue(task[0], message=f"the worker building this document "
                                     f"failed: {type(exc).__name__}: {exc}", rule=LOST))
    return res


def _process(tasks: list[Task], jobs: int) -> Iterator[builder.DocResult]:
    if jobs <= 1 or len(tasks) <= 1:
        yield from _serial(tasks, jobs)
        return
    pdf = any(t[2].pdf for t in tasks)
    # spawn: the parent may already hold Saxon's native runtime, which must not be forked
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=get_context("spawn"),
                             initializer=warm_worker, initargs=(pdf,)) as pool:
        futures = {pool.submit(build_one, *t): t for t in tasks}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - BrokenProcessPool and the like
                yield _lost(futures[fut], exc)


#: the scheduler still serves /health: on a free loopback port, without the dashboard
NO_DASHBOARD = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}


@contextmanager
def _dask_client(address: str | None, jobs: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ResourceMissing("the Dask executor needs the dask extra: "
                              "pip install 'teikit[dask]'") from None
    if address is None:
        with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None,
                          scheduler_kwargs=NO_DASHBOARD) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address, timeout=30) as client:
            yield client


def _dask(address: str | None) -> Callable[[list[Task], int], Iterator[builder.DocResult]]:
    def run(tasks: list[Task], jobs: int) -> Iterator[builder.DocResult]:
        if not tasks:
            return
        from distributed import as_completed as dask_completed

        with _dask_client(address, max(jobs, 1)) as client:
            client.run(warm_worker, any(t[2].pdf for t in tasks))
            futures = {client.submit(build_one, *t, pure=False): t for t in tasks}
            for fut in dask_completed(list(futures)):
                try:
                    yield fut.result()
                except Exception as exc:  # noqa: BLE001 - a lost or killed worker
                    yield _lost(futures[fut], exc)
    return run


def executor(spec: str) -> Callable[[list[Task], int], Iterator[builder.DocResult]]:
    """The executor named by ``--executor``: process, serial, dask-local, dask://HOST:PORT."""
    if spec == "process":
        return _process
    if spec == "serial":
        return _serial
    if spec == "dask-local":
        return _dask(None)
    if spec.startswith("dask://"):
        return _dask("tcp://" + spec[len("dask://"):])
    raise InputError(f"unknown executor {spec!r}; expected process, dask-local or "
                     "dask://HOST:PORT")


# ---------------------------------------------------------------- incremental run

@dataclass
class BuildReport:
    """What a build did. ``results``: every document of the site, built or from state."""

    results: list[builder.DocResult] = field(default_factory=list)
    built: list[str] = field(default_factory=list)  # built now (source keys)
    skipped: list[str] = field(default_factory=list)  # unchanged and fine: no work done
    failed: list[Issue] = field(default_factory=list)  # failing now, or unchanged and failing
    #: built, but with what the parser read anyway (duplicate xml:ids, XInclude fallbacks)
    warnings: list[Issue] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # sources gone: their outputs deleted
    site_written: bool = False
    dts_files: int = 0  # files of the static DTS written now
    dts_issues: list[Issue] = field(default_factory=list)  # e.g. a citeStructure left out
    seconds: float = 0.0


def _sources(src: Path) -> dict[str, Path]:
    """Source documents keyed by their path relative to SRC (the name for a file)."""
    files = xmlio.iter_xml_files([src])
    if src.is_dir():
        return {f.relative_to(src).as_posix(): f for f in files}
    return {f.name: f for f in files}


def _same_stems(sources: dict[str, Path]) -> tuple[dict[str, Path], list[Issue]]:
    """Drop (and report) a source whose stem an earlier one has: both would be built
    into the same OUT/STEM/ folder."""
    first: dict[str, str] = {}
    kept: dict[str, Path] = {}
    issues = []
    for key in sorted(sources):
        stem = sources[key].stem
        if stem in first:
            issues.append(Issue(str(sources[key]), message=f"same file name as {first[stem]}: "
                                f"both would be built into {stem}/; skipped"))
        else:
            first[stem] = key
            kept[key] = sources[key]
    return kept, issues


def _is_current(entry: st.Entry | None, sha: str, opts: BuildOptions, out: Path,
                same_toolkit: bool) -> bool:
    if entry is None or not same_toolkit or not sha or entry.sha256 != sha:
        return False
    if opts.accessed and entry.accessed != opts.accessed and entry.ok:
        return False
    return entry.ok is False or st.outputs_present(out, entry)


def _record(res: builder.DocResult, sha: str, accessed: str, old: st.Entry | None,
            out: Path) -> st.Entry:
    """The state entry of a fresh result; stale outputs of the previous build go."""
    if res.error is not None:
        keep = old if old and old.facts else None
        if res.error.as_issue().rule == LOST:
            sha = ""  # not the document's fault: build it again next time
        return st.Entry(sha, keep.accessed if keep else "", keep.outputs if keep else [],
                        keep.facts if keep else None, res.error.as_issue().to_dict())
    rels = [Path(p).relative_to(out).as_posix() for p in res.outputs]
    if old:
        st.remove_outputs(out, [r for r in old.outputs if r not in set(rels)])
    return st.Entry(sha, accessed, rels,
                    st.facts_of(res.info, res.occurrences, res.entities), None,
                    [w.to_dict() for w in res.warnings])


def _site_results(entries: dict[str, st.Entry]) -> list[builder.DocResult]:
    """DocResults rebuilt from the stored facts, in source order."""
    out = []
    for key, e in sorted(entries.items()):
        if e.facts is None or not e.ok:  # a failing document is not listed as if it were fine
            continue
        info, occs, ents = st.facts_from(e.facts)
        info.collection = "" if "/" not in key else key.rsplit("/", 1)[0]
        out.append(builder.DocResult(key, list(e.outputs), None, info, occs, ents))
    return out


def run_build(src: str | Path, out: str | Path, opts: BuildOptions | None = None, *,
              jobs: int = 1, executor_spec: str = "process", force: bool = False,
              title: str = DEFAULT_TITLE, site: SiteInfo | None = None,
              search_index: bool = True, look: Look | None = None,
              on_result: Callable[[builder.DocResult], None] | None = None,
              on_plan: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build SRC into OUT, redoing only the documents whose source, access date,
    options or toolkit changed; ``on_plan(to_build, skipped)`` and ``on_result`` let a
    caller show progress. ``site``: what the edition says about itself (default: the
    title ``title``); the site-level pages are rewritten when a document changed or the
    site info did, the search index (``search_index``) when a document changed (or it is
    missing). ``look``: the
    edition's own CSS, scripts, header and footer, put on every page
    (:mod:`toolkit.site.look`)."""
    t0 = time.perf_counter()
    site = site or SiteInfo(title=title)
    opts = opts or BuildOptions()
    src_p, out_p = Path(src), Path(out)
    run = executor(executor_spec)
    accessed = opts.accessed or datetime.date.today().isoformat()
    sources, clashes = _same_stems(_sources(src_p))
    state = st.load(out_p)
    fp = st.fingerprint(opts.fingerprinted())
    same = state.fingerprint == fp and not force
    shas = {k: st.sha256_file(p) for k, p in sources.items()}
    todo = [k for k in sources
            if not _is_current(state.entries.get(k), shas[k], opts, out_p, same)]
    if todo and opts.pdf:
        require_pdf()
    report = BuildReport(skipped=[k for k in sources if k not in todo])
    if on_plan:
        on_plan(len(todo), len(report.skipped))
    entries = {k: state.entries[k] for k in report.skipped}
    # deleted (or moved) sources first, so that no output built below is removed
    report.removed = sorted(set(state.entries) - set(sources))
    for key in report.removed:
        st.remove_outputs(out_p, state.entries[key].outputs)
    # largest first, so that a long document does not start last
    todo.sort(key=lambda k: -sources[k].stat().st_size if sources[k].exists() else 0)
    build_opts = replace(opts, accessed=accessed,
                         scope=opts.scope or xmlio.IncludeScope.around(src_p))
    keys = {str(sources[k]): k for k in todo}
    try:
        for res in run([(str(sources[k]), str(out_p), build_opts) for k in todo], jobs):
            key = keys[res.source]
            entries[key] = _record(res, shas[key], accessed, state.entries.get(key), out_p)
            if res.error is None:
                report.built.append(key)
            if on_result:
                on_result(res)
    except BaseException:  # interrupted: keep what was built, redo the rest next time
        for key in todo:
            if key not in entries and key in state.entries:
                entries[key] = st.Entry("", **{k: v for k, v in
                                               vars(state.entries[key]).items()
                                               if k != "sha256"})
        st.save(out_p, st.BuildState(fp, entries))
        raise
    report.skipped = [k for k in report.skipped if entries[k].ok]
    report.built.sort()
    changed = bool(todo or report.removed or state.fingerprint != fp)
    report.results = _site_results(entries)
    _static_dts(src_p, out_p, opts, site.title, changed, report)
    report.failed = sorted([*clashes, *(i for e in entries.values()
                                        if (i := e.error_issue()) is not None)])
    report.warnings = sorted(w for e in entries.values() if e.ok for w in e.warning_issues())
    info_file, info_key = out_p / SITE_INFO_NAME, _site_key(site)
    stale = not all((out_p / n).is_file() for n in ("index.html", "register.html",
                                                     "search.html"))
    missing = search_index and not search.index_present(out_p)
    if changed or stale or _read(info_file) != info_key or missing:
        builder.build_site(report.results, out_p, site, report.failed,
                           index=search_index and (changed or missing))
        xmlio.write_atomic(info_file, info_key + "\n")
        report.site_written = True
    if look is not None:
        look.apply(out_p, [f"{r.info.stem}/{r.info.stem}.html" for r in report.results
                           if r.info is not None])
    if changed or not (out_p / st.STATE_NAME).is_file():
        st.save(out_p, st.BuildState(fp, entries))
    report.seconds = time.perf_counter() - t0
    return report


def _static_dts(src: Path, out: Path, opts: BuildOptions, title: str, changed: bool,
                report: BuildReport) -> None:
    """OUT/dts/: the static DTS (Level 0), rewritten when any document changed; removed
    when the build asks for none."""
    want = opts.dts if opts.dts is not None else bool(opts.base_url)
    target = out / "dts"
    if not want or not opts.base_url:
        if target.is_dir() and (target / "index.json").is_file():
            shutil.rmtree(target)
        return
    if changed or not (target / "index.json").is_file():
        from ..serve.dts.static import write_static

        report.dts_files, report.dts_issues = write_static(src, out, opts.base_url, title)


def build(src: str | os.PathLike, out: str | os.PathLike,
          base_url: str | None = None) -> list[builder.DocResult]:
    """Build SRC into OUT without PDFs, in this process: the same incremental build as
    ``teikit build`` (:func:`run_build`); the documents built now."""
    results: list[builder.DocResult] = []
    run_build(src, out, BuildOptions(base_url=base_url, pdf=False), on_result=results.append)
    return results


# ---------------------------------------------------------------- report

REPORT_NAME = ".teikit-build-report.txt"


def report_text(report: BuildReport) -> str:
    """Every failed document and every warning, one ``FILE:LINE:COLUMN`` line each."""
    lines = [f"{len(report.failed)} document(s) failed (not built):",
             *(i.format() for i in report.failed),
             f"{len(report.warnings)} warning(s) in documents built anyway:",
             *(i.format() for i in report.warnings),
             f"{len(report.dts_issues)} problem(s) of the static DTS:",
             *(i.format() for i in report.dts_issues)]
    return "\n".join(lines) + "\n"


def write_report(report: BuildReport, out: str | Path) -> Path:
    """The full report of the build, in OUT (written atomically)."""
    return xmlio.write_atomic(Path(out) / REPORT_NAME, report_text(report))


def short_summary(report: BuildReport, out: str | Path, shown: int = 10) -> str:
    """What a person needs after a build, in a few lines however large the corpus:
    the counts, the first failures and warnings, and where the full report is."""
    n = len(report.built) + len(report.skipped) + len(report.failed)
    lines = [f"{n} document{'s' if n != 1 else ''}: {len(report.built)} built, "
             f"{len(report.skipped)} skipped (unchanged), {len(report.failed)} failed, "
             f"{len(report.removed)} removed, in {report.seconds:.1f} s; "
             f"open {str(out).rstrip('/')}/index.html"]
    for what, issues in (("failed (not built)", report.failed),
                         ("warnings (built anyway)", report.warnings),
                         ("problems of the static DTS", report.dts_issues)):
        if issues:
            more = f", the first {shown}" if len(issues) > shown else ""
            lines.append(f"{len(issues)} {what}{more}:")
            lines += [f"  {i.format()}" for i in issues[:shown]]
    if report.failed or report.warnings or report.dts_issues:
        lines.append(f"Full report: {Path(out) / REPORT_NAME}")
    return "\n".join(lines)
