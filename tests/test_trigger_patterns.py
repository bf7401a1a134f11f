"""``TriggerPatterns`` finds what spaCy's ``Matcher`` finds for the trigger lexicon, in the order that matters."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from temoin.stages.triggers import TriggerPatterns, split_hyphens, token_spec, trigger_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "fr_bbc_afrique.jsonl"
SENTENCES = [
    "Des barils explosifs largués hier ont tué dix civils ; les bombes ont été larguées sur Alep.",
    "L'aviation a bombardé la ville puis a explosé un dépôt : frappes aériennes et tirs de drones kamikazes.",
    "Des tirs d' artillerie et des obus de mortiers, une voiture piégée, des attentats-suicides.",
    "Bombes bombes bombes larguées larguées ~ * a a ont ont explosé.",
]


def texts() -> list[str]:
    found = list(SENTENCES)
    found += [json.loads(line)["text"] for line in (ROOT / "examples" / "articles.jsonl").open(encoding="utf-8")]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            found += [json.loads(line)["text"] for line in fh if line.startswith('{"id": "bbc-dev-')][:60]
    return found


def test_same_matches_as_spacy_matcher_with_ties_in_rule_order() -> None:
    nlp = spacy.blank("fr")
    rules = trigger_rules()
    matcher = Matcher(nlp.vocab)
    for i, rule in enumerate(rules):
        matcher.add(str(i), [[token_spec(p) for p in rule.pattern.split()]])
    patterns = TriggerPatterns([rule.pattern for rule in rules])
    for text in texts():
        doc = nlp(text)
        reference = [(start, end, int(nlp.vocab.strings[key])) for key, start, end in matcher(doc)]
        assert len(set(reference)) == len(reference)
        ours = patterns([token.lower_ for token in doc])
        assert sorted(reference) == ours
        ties: dict[tuple[int, int], list[int]] = defaultdict(list)
        for start, end, index in reference:
            ties[(start, end)].append(index)
        assert all(found == sorted(found) for found in ties.values())  # what filter_spans keeps on a tie


def test_a_pattern_must_start_with_a_word() -> None:
    with pytest.raises(ValueError, match="must start with a word"):
        TriggerPatterns(["~ frappes?"])
    assert TriggerPatterns(["a * b"])(["a", "x", "y", "z", "b", "b"]) == [(0, 5, 0)]


def test_a_hyphenated_trigger_matches_as_the_tokenizer_splits_it() -> None:
    assert split_hyphens("attentats?-suicides?") == "attentats? - suicides?"
    assert split_hyphens("sit-in") == "sit - in"
    assert split_hyphens("(ville|chef-lieu)") == "(ville|chef-lieu)"  # a group is left as written


def test_a_trigger_word_inside_a_group_name_is_no_trigger(analyzer) -> None:  # type: ignore[no-untyped-def]
    # « libération » in the name of the SPLM-N would otherwise read as a town retaken
    text = "Les alliés du Mouvement populaire de libération du Soudan-Nord tentent d'asphyxier les villes."
    assert analyzer.analyze(text, "2025-05-06").events == []
