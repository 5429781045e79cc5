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
