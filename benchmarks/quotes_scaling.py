"""Whether find_quotes stays linear in the length of the text, on hostile shapes.

Each shape is built at three sizes (x4 each step); the time per character should
stay flat. A ratio of time per character between the largest and smallest size
well above 1 (say over 2) means something in the finder grows faster than the text.
Run: ``.venv/bin/python benchmarks/quotes_scaling.py``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsreader.analysis import find_quotes  # noqa: E402

WORDS = "the council said harbour market winter report minister would could after people city".split()


def one_paragraph(n: int) -> str:
    """A single paragraph with no full stop and a quotation every few dozen words."""
    out = []
    for i in range(n):
        out.append(random.choice(WORDS))
        if i % 37 == 0:
            out.append("“We will see,” said Tom Hale")
    return " ".join(out)


SHAPES = {
    "one paragraph, many quotes": one_paragraph,
    "unbalanced marks": lambda n: " ".join(random.choice(
        ["“open", "word", "Anna Berg said", "he said", "”", "'tis", "x'"]) for _ in range(n)),
    "interview turns": lambda n: "\n\n".join(f"Speaker {i % 7}: text here and more." for i in range(n // 6)),
    "capitalised runs": lambda n: " ".join(random.choice(
        ["Anna", "Berg", "Minister", "Of", "The", "Council", "said", "“Yes,”"]) for _ in range(n)),
    "many paragraphs": lambda n: "\n\n".join(
        "“We will see,” said Tom Hale, the mayor. He added: “Soon.”" for _ in range(n // 10)),
    "guillemets": lambda n: " ".join(random.choice(["«", "»", "« ", " »", "word", "Ann said"]) for _ in range(n)),
}


def main() -> None:
    random.seed(7)
    for name, make in SHAPES.items():
        per_char = []
        for n in (20_000, 80_000, 320_000):
            text = make(n)
            start = time.perf_counter()
            find_quotes(text)
            took = time.perf_counter() - start
            per_char.append(took / len(text) * 1e6)
            print(f"{name:28s} {len(text) / 1e6:5.2f} MB  {took:6.2f} s  {per_char[-1]:5.2f} us/char")
        print(f"{name:28s} growth of time per char, largest/smallest: {per_char[-1] / per_char[0]:.2f}")


if __name__ == "__main__":
    main()
