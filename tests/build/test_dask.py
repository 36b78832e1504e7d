"""The Dask executor: a local cluster (two worker processes on 127.0.0.1, no dashboard)
builds the same site, byte for byte, as the process pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.build.test_parallel import make_src, site_files
from toolkit.cli import cli
from toolkit.site import batch

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

OPTS = batch.BuildOptions(pdf=False, accessed="2026-01-02", base_url="https://example.org/")


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    return make_src(tmp_path_factory, ("alpha.xml", "beta.xml", "gamma.xml"))


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs=batch.NO_DASHBOARD) as c:
        yield c


def test_dask_cluster_build_is_byte_identical_to_the_pool(src, tmp_path, cluster):
    address = cluster.scheduler_address.removeprefix("tcp://")
    on_dask = batch.run_build(src, tmp_path / "dask", OPTS, jobs=2,
                              executor_spec=f"dask://{address}")
    pooled = batch.run_build(src, tmp_path / "pool", OPTS, jobs=2, executor_spec="process")
    for report in (on_dask, pooled):
        assert sorted(report.built) == ["alpha.xml", "beta.xml", "gamma.xml"]
        assert [i.file for i in report.failed] == [str(src / "broken.xml")]
        assert report.failed[0].line == 1
    a, b = site_files(tmp_path / "dask"), site_files(tmp_path / "pool")
    assert "beta/beta.html" in a and len(a) > 30
    assert a == b


def test_dask_local_from_the_command_line(src, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-pdf",
                                      "--accessed", "2026-01-02", "-j", "2",
                                      "--executor", "dask-local"])
    assert result.exit_code == 1, result.output
    assert f"{src / 'broken.xml'}:1:" in result.output
    assert "3 built" in result.output
    assert (out / "gamma" / "gamma.html").is_file()
