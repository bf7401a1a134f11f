"""Analyse the blind sets of ``benchmarks/blind`` and grade them with ``../shared/eval/score.py``.

Usage: python benchmarks/score_blind.py [--set set4] [--verbose]

Prints score.py's summary for each set. Runs offline; needs ``../shared/eval/score.py`` beside the
repository (the grader is not ours to copy).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TEMOIN = Path(sys.executable).parent / "temoin"  # the console script of this environment


def analyse(articles: Path, out: Path) -> None:
    subprocess.run([str(TEMOIN), "analyze", str(articles), "-o", str(out), "--no-store"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", help="a folder of benchmarks/blind (default: all)")
    parser.add_argument("--verbose", action="store_true", help="list each miss (score.py --verbose)")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"{SCORER}: not found; the blind sets are graded by the shared score.py")
    names = args.set or sorted(p.name for p in (ROOT / "benchmarks" / "blind").iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            folder = ROOT / "benchmarks" / "blind" / name
            pred = Path(tmp) / f"{name}.jsonl"
            print(f"== {name}", flush=True)
            analyse(folder / "articles.jsonl", pred)
            command = [sys.executable, str(SCORER), "--gold", str(folder / "gold.jsonl"), "--pred", str(pred)]
            subprocess.run(command + (["--verbose"] if args.verbose else []), check=True)


if __name__ == "__main__":
    main()
