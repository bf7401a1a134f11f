"""Name keys that survive accents, case, punctuation and transliteration.

``strict_key`` folds accents, case, apostrophes and dashes. ``core_key`` also drops
Arabic articles (al-, el-, ash-...) and French elision ("d'"). ``loose_key`` is a
consonant skeleton after French/English/academic transliterations are unified
(ch/sh, ou/u, dj/j, kh/h, q/k, Tell/Tal/Tall, Deir/Dayr, Ain/Ayn): a loose match
is only a hint that ranking must confirm with a similarity score.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Arabic articles that can start a place name in running text ("al-Atarib", "Deir ez-Zor"; names.py).
ARABIC_ARTICLES = frozenset({"al", "el", "ash", "ach", "as", "ad", "at", "az", "ar", "an", "ech", "ez", "ed"})
# Name keys also drop the Arabic articles "es", "et", "er", "en", which names.py does not take as the start
# of a name ("en Syrie", "et Alep"), and French articles, elided ("l'", "d'") or not.
ARTICLES = ARABIC_ARTICLES | {"es", "et", "er", "en", "l", "d", "la", "le", "les"}
_PUNCT = re.compile(r"[\s'`´’\-‐‑–—_.,/()]+")
_TRANSLIT = [
    ("tch", "ch"),
    ("dj", "j"),
    ("dh", "d"),
    ("sch", "sh"),
    ("ch", "sh"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("w", "u"),
    ("y", "i"),
    ("z", "s"),
    ("x", "ks"),
]
_VOWELS = re.compile(r"[aeiou]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 17)  # pure and called for the same words over and over: remembered
def fold(text: str) -> str:
    """Lowercase, no accents, punctuation as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("ı", "i").replace("ʿ", "").replace("ʾ", "").replace("ʼ", "")
    return _PUNCT.sub(" ", bare.casefold()).strip()


def strict_key(text: str) -> str:
    return fold(text)


def core_key(text: str) -> str:
    """Strict key without leading Arabic articles and French elisions, in every word."""
    words = fold(text).split()
    kept = [w for i, w in enumerate(words) if not (w in ARTICLES and i + 1 < len(words))]
    return " ".join(kept)


def transliterate(text: str) -> str:
    out = core_key(text)
    for src, dst in _TRANSLIT:
        out = out.replace(src, dst)
    return out


def loose_key(text: str) -> str:
    """Consonant skeleton: first letter kept, vowels and doubled letters dropped."""
    words = []
    for word in transliterate(text).split():
        word = re.sub(r"(?<=[aeiou])h$", "", word)  # final ta marbuta: Shaddadah ~ Shaddada
        word = word.replace("sh", "S")
        skeleton = word[0] + _VOWELS.sub("", word[1:]) if word else ""
        words.append(_DOUBLE.sub(r"\1", skeleton))
    return " ".join(w for w in words if w)


@lru_cache(maxsize=1 << 16)
def similarity(a: str, b: str) -> float:
    """Similarity of two names after transliteration, 0..1."""
    return SequenceMatcher(None, _DOUBLE.sub(r"\1", transliterate(a)), _DOUBLE.sub(r"\1", transliterate(b))).ratio()


def is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith(("Z", "P")) for c in text)
