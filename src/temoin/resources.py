"""Reading the data files shipped in ``temoin/data`` (lexicons, actors, places)."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path


def data_path(relative: str) -> Path:
    return Path(str(resources.files("temoin") / "data" / relative))


def read_lines(relative: str) -> list[str]:
    """Non-empty, non-comment lines of a text data file."""
    text = data_path(relative).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_tsv(relative: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; '#' lines are comments."""
    path = data_path(relative)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _spaced(part: str) -> str:
    return r"\s+".join(re.escape(piece) for piece in part.split(" "))


def word_alternation(words: Iterable[str]) -> str:
    """Regular-expression alternation of lexicon words, each matched literally except that
    "*" stands for one or more word characters ("largu*": "largué", "larguées") and a space for any run of
    spaces ("permis de « neutraliser »" once its quotes are blanked out)."""
    alternatives = [r"\w+".join(_spaced(part) for part in word.split("*")) for word in words]
    if not alternatives:
        raise ValueError("no words: an empty alternation would match everywhere")
    return "|".join(alternatives)


@cache
def word_pattern(relative: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The words of a lexicon file as one whole-word pattern (read and compiled once)."""
    return re.compile(r"\b(" + word_alternation(read_lines(relative)) + r")\b", flags)


def split_variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


@cache
def word_set(relative: str) -> frozenset[str]:
    """The lines of a word-list data file, as a set (read once)."""
    return frozenset(read_lines(relative))


@cache
def data_fingerprint(*relatives: str) -> str:
    digest = hashlib.sha256()
    for rel in relatives:
        digest.update(data_path(rel).read_bytes())
    return digest.hexdigest()[:16]


def with_singulars(nouns: list[str]) -> list[str]:
    """A lexicon's plural nouns and their singulars: "enseignants" also counts "un enseignant"."""
    return nouns + [n[:-1] for n in nouns if n.endswith("s") and not n.endswith("ss") and " " not in n]
