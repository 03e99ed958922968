"""Scale-out: a dask.distributed LocalCluster (2 worker processes on
loopback) parses part of the corpus; the results equal a single process's."""

import os
import subprocess
import sys

import pytest

import vnlegal

distributed = pytest.importorskip("distributed")

from conftest import SOURCE_DIR  # noqa: E402


def _parse_one(path):
    return vnlegal.parse_file(path).to_dict()


@pytest.fixture(scope="module")
def paths(text_corpus):
    return [str(p) for p in text_corpus[:6]]


def test_local_cluster_matches_a_single_process(paths):
    # A nested function is shipped to the workers by value (cloudpickle), so
    # the workers need only `vnlegal` importable, not this test module.
    def parse_one(path):
        return vnlegal.parse_file(path).to_dict()

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        futures = client.map(parse_one, paths)
        results = client.gather(futures)
        bad = client.submit(parse_one, os.path.join(os.path.dirname(paths[0]), "missing.txt"))
        with pytest.raises(vnlegal.Error):
            bad.result()
    assert results == [_parse_one(p) for p in paths]


def test_example_script_checks_itself(paths):
    example = SOURCE_DIR / "examples" / "dask_parse.py"
    if not example.is_file():
        pytest.skip("examples/dask_parse.py is not in this tree")
    run = subprocess.run(
        [sys.executable, str(example), "--workers", "2", "--check", *paths],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr
    assert f"{len(paths)} documents" in run.stdout
    assert "identical to a single process" in run.stdout
