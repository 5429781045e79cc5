"""The CLI is thin and starts instantly: no heavy import on the --help path."""

import subprocess
import sys

import pytest

from kg.cli import build_parser


def test_help_imports_nothing_heavy():
    code = (
        "import sys, kg.cli\n"
        "try:\n    kg.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'hanlp', 'rdflib', 'jionlp', 'pyvis', 'trafilatura', 'opencc') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["normalize", "a.txt", "--json"],
        ["build", "seeds", "-o", "out", "--model", "offline"],
        ["train-ner", "--evaluate-only"],
        ["validate", "g.ttl"],
        ["query", "g.ttl", "-f", "q.rq", "--format", "csv"],
        ["eval", "g.ttl", "gold"],
        ["html", "g.ttl", "-o", "x.html", "--focus", "陈向平", "--hops", "1"],
    ],
)
def test_every_command_parses(argv):
    args = build_parser().parse_args(argv)
    assert args.command == argv[0]


def test_unknown_command_is_an_error(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["frobnicate"])
    assert exc.value.code == 2


@pytest.mark.parametrize("argv", [
    ["train-ner", "--save-dir", ""],  # read as no --save-dir: the shipped NER model, replaced unasked
    ["train-ner", "--save-dir", "/tmp/x", "--init", ""],
    ["train-ner", "--save-dir", "/tmp/x", "--corpus", " "],
    ["train-re", "--save-dir", ""],  # read as the current folder
    ["train-orgs", "--save", ""],
    ["train-persons", "--save", ""],
    ["train-spans", "--save", ""],
    ["train-destinations", "--save", ""],
    ["train-posts", "--save", ""],
])
def test_an_empty_training_path_is_refused(argv, capsys):
    """An empty --save-dir / --save / --init / --corpus is a usage error (exit 2, one
    line naming it) before anything is read or trained (found by a tester: kg train-ner
    --save-dir "" began training into the shipped model's folder)."""
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "an empty path" in err and err.strip().splitlines()[-1].startswith("kg")


def test_a_training_path_is_kept_as_given():
    args = build_parser().parse_args(["train-ner", "--save-dir", "models/ner", "--init", "a", "--corpus", "corpus"])
    assert (args.save_dir, args.init, args.corpus) == ("models/ner", "a", "corpus")
