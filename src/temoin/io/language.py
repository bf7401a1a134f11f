"""Which language an article is in, offline: scripts, then function-word profiles.

A few dozen of the commonest function words per language tell French from the
languages it is most often mixed up with in news feeds (English, Spanish,
Portuguese, Italian, German, Dutch), and the share of letters per script tells
Arabic, Cyrillic, Greek, Hebrew and CJK text. No model is downloaded and the
answer is deterministic (packages such as ``langdetect`` are random unless
seeded and slower on long texts); the only question temoin asks is "is this
French, and if not, what does it look like", which this answers well on anything
longer than a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

SAMPLE = 5000  # characters looked at
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
LONG_TEXT = 20  # words: below this, any French function word will do
MIN_SHARE = 0.08  # of a long text's words that must be French function words


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


PROFILES: dict[str, tuple[str, frozenset[str]]] = {
    "fr": (
        "French",
        _words(
            "le la les de des du et à en un une est que qui dans pour pas par sur au aux a ont été il elle ils ce "
            "cette se sont avec selon plus ne être son sa ses leur mais où nous vous lors après d l qu n s c"
        ),
    ),
    "en": (
        "English",
        _words(
            "the of and to in is was that for on with as by at from it are were has have be this which said an or "
            "not their after its his her they been who"
        ),
    ),
    "es": (
        "Spanish",
        _words(
            "el la los las de del y en que por con para una un es se su al lo como más fue han sus pero según este "
            "esta entre ha"
        ),
    ),
    "pt": (
        "Portuguese",
        _words(
            "o a os as de do da dos das e em no na que por com para um uma é se ao foi não seu sua mais pelo pela "
            "segundo nos foram"
        ),
    ),
    "it": (
        "Italian",
        _words(
            "il la le di del della e in che per con un una è sono da dei al alla non gli si ha nel secondo più "
            "delle degli"
        ),
    ),
    "de": (
        "German",
        _words(
            "der die das und in den von zu mit ist im des dem nicht ein eine auf für sich auch wurde sind bei nach "
            "aus wie"
        ),
    ),
    "nl": ("Dutch", _words("de het een en van in is dat op te voor met niet zijn door werd ook bij naar")),
}

SCRIPTS = ("ARABIC", "CYRILLIC", "GREEK", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "DEVANAGARI", "THAI")


LATIN_END = 0x250  # letters below are Latin (with its extensions): no script to look up
BEYOND_LATIN = re.compile(f"[^\\x00-\\u{LATIN_END - 1:04x}]")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1 for a profiled language; "" when the text is in another script or unknown
    name: str  # "English", "Arabic script", "" when unknown
    french_share: float  # of the words that are French function words
    share: float  # of the words that belong to the guessed language (letters of the script, for a script)

    @property
    def is_french(self) -> bool:
        return self.code == "fr"


@cache
def script_of(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    return next((s for s in SCRIPTS if name.startswith(s)), None)


def dominant_script(text: str) -> str | None:
    """The non-Latin script of most of the letters in ``text``, if any is."""
    counts: dict[str, int] = {}
    letters = sum(map(str.isalpha, text))
    for ch in BEYOND_LATIN.findall(text):
        if ch.isalpha() and (script := script_of(ch)):
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    return script.title() if count * 2 > letters else None


def guess_language(text: str) -> LanguageGuess:
    sample = text[:SAMPLE]
    script = dominant_script(sample)
    if script:
        return LanguageGuess("", f"{script} script", 0.0, 1.0)
    words = [w.lower().replace("’", "'") for w in WORD.findall(sample.replace("’", "'"))]
    words = [part for w in words for part in w.split("'") if part]  # "l'armée" -> "l", "armée"
    if not words:
        return LanguageGuess("", "", 0.0, 0.0)
    shares = {code: sum(w in profile for w in words) / len(words) for code, (_, profile) in PROFILES.items()}
    french = shares["fr"]
    best = max(shares, key=lambda code: (shares[code], code == "fr"))  # French wins a tie
    threshold = MIN_SHARE if len(words) >= LONG_TEXT else 1e-9
    if best == "fr" and french >= threshold:
        return LanguageGuess("fr", "French", french, french)
    if shares[best] >= threshold and best != "fr":
        return LanguageGuess(best, PROFILES[best][0], french, shares[best])
    return LanguageGuess("", "", french, shares[best])


def not_french_reason(text: str) -> str | None:
    """None when ``text`` looks French; else why not, for a failure message."""
    guess = guess_language(text)
    if guess.is_french:
        return None
    if guess.name.endswith(" script"):
        return f"the text does not look French: it is written in {guess.name}"
    if guess.name:
        return f"the text does not look French: the language looks like {guess.name}"
    return "the text does not look French"
