import socket
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "gold" / "seeds"
DEV = ROOT.parent / "shared" / "dev"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds' graph, built once per test session with the default (offline) model."""
    from kg.pipeline import run_build

    out = tmp_path_factory.mktemp("build")
    code = run_build([str(SEEDS)], str(out), progress=False)
    return code, out


@pytest.fixture
def listener():
    """A TCP listener on loopback that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    hits = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(conn.recv(1024))
            conn.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield server.getsockname()[1], hits
    stop.set()
    t.join(2)
    server.close()
