"""The wheel carries the styles; the core never imports Textual or Rich."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_styles_and_demo(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path)], check=True, timeout=300)
    (wheel,) = tmp_path.glob("newsreader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tcss = [n for n in names if n.startswith("newsreader/styles/") and n.endswith(".tcss")]
    assert tcss, names
    assert sorted(tcss) == sorted(f"newsreader/styles/{p.name}" for p in (ROOT / "styles").glob("*.tcss"))
    assert "newsreader/demo/demo.json" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_core_does_not_import_textual_or_rich():
    code = ("import sys; import newsreader.cli, newsreader.store, newsreader.ingest.pipeline,"
            " newsreader.analysis, newsreader.ingest.feeds;"
            " bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
            " print(bad); sys.exit(1 if bad else 0)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stdout + p.stderr
