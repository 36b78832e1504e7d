"""A bounded load test on loopback: 2,000 requests from 8 concurrent clients.

Every response is also schema-validated by the server fixture. The full 10,000-request
run with throughput figures is bench/oai_load.py.
"""

from __future__ import annotations

import importlib.util
import logging
import sys

import pytest

from tests.conftest import ROOT

from .conftest import expected_count


def load_module():
    spec = importlib.util.spec_from_file_location("oai_load", ROOT / "bench" / "oai_load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.load
def test_2000_requests_from_8_clients(server, caplog):
    caplog.set_level(logging.ERROR, logger="waitress.queue")
    bench = load_module()
    ids = [r.identifier for r in server.store.records()]
    assert len(ids) == expected_count(server.src)
    stats, seconds = bench.run_load(server.url, ids, requests=2000, clients=8, timeout=120)
    assert stats.errors == []
    assert len(stats.latencies) == 2000
    assert stats.harvests >= 8  # complete harvests, each returned every identifier
    assert server.validated >= 2000
    print(bench.report(stats, seconds))
