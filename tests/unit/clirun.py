"""Running the command line in-process from a test: its exit code and what it printed."""

from __future__ import annotations

import json

from newsreader.cli import main


def run(capsys, *argv):
    """``newsreader ARGV``: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jrun(capsys, *argv):
    """``newsreader ARGV --json``, which must succeed: the parsed output."""
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)
