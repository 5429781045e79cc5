"""The same graph for any number of workers and any hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import report


def test_same_bytes_for_one_and_two_workers_and_two_hash_seeds(three, tmp_path):
    outs = []
    for workers in ("1", "2"):
        for seed in ("1", "2"):
            out = tmp_path / f"w{workers}-s{seed}"
            env = dict(os.environ, PYTHONHASHSEED=seed)
            proc = subprocess.run([sys.executable, "-m", "kg", "build", str(three), "-o", str(out), "--quiet",
                                   "--workers", workers], env=env, capture_output=True, timeout=600)
            assert proc.returncode == 0, proc.stderr.decode()
            outs.append(out)
    assert report(outs[1])["build"]["engine"] == "in-process"
    assert report(outs[2])["build"]["engine"] == "process-pool" and report(outs[2])["build"]["workers"] == 2
    first = outs[0]
    for out in outs[1:]:
        for name in ("graph.ttl", "graph.html"):
            assert (out / name).read_bytes() == (first / name).read_bytes(), (out.name, name)
