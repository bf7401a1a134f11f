"""Loaded language: the labels, their kind and technique, and a neutral wording (the ``temoin_labels`` stage)."""

from __future__ import annotations

import pytest

from temoin.stages.labels import find_labels, label_rules, label_starts, rule_matches


def _labels(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], rule.kind) for start, end, rule in find_labels(text)]


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("Les forces du régime de Kiev ont bombardé la ville.", "régime de Kiev", "name_calling"),
        ("Les terroristes ont été neutralisés à l'aube.", "terroristes", "name_calling"),
        ("Le porte-parole a dénoncé une réalité parallèle inventée par l'ennemi.", "réalité parallèle", "doubt"),
        ("Ces accusations déshonorantes visent l'armée.", "déshonorantes", "loaded_language"),
        ("L'opposition accuse le président de forfaiture.", "forfaiture", "name_calling"),
        ("Une attaque sanglante a frappé le marché.", "sanglante", "loaded_language"),
        ("Nos vaillantes forces ont repoussé les forces du mal à l'aube.", "forces du mal", "name_calling"),
        ("Les bombardements aveugles de l'armée ont visé des quartiers.", "bombardements aveugles", "loaded_language"),
        ("Les combattants ont été pris de panique.", "pris de panique", "loaded_language"),
    ],
)
def test_labels_are_found_with_their_kind(text: str, label: str, kind: str) -> None:
    assert (label, kind) in _labels(text)


def test_a_regime_word_alone_is_no_label() -> None:
    # "régime de sanctions" is a plain phrase; only the partisan forms are labels
    assert not any(label.startswith("régime") for label, _ in _labels("Le régime de sanctions a été prolongé."))


def test_every_label_has_a_neutral_wording_and_a_technique() -> None:
    for _, _, rule in find_labels("Les terroristes et les mercenaires du régime de Kiev, des néonazis."):
        assert rule.neutral and rule.technique


def test_each_pattern_is_tried_wherever_it_matches() -> None:
    # find_labels tries each pattern only where the patterns taken together match; the same as each one's finditer
    text = "Terroristes, terroristes! «Les terroristes» — des occupants, l'occupant: barbares et lâches attaques."
    starts = label_starts(text)
    for rule in label_rules().values():
        assert rule.pattern.search(" ") is None  # no pattern matches the empty string
        expected = [(m.start(), m.end()) for m in rule.pattern.finditer(text)]
        assert rule_matches(rule, text, starts) == expected
        assert rule_matches(rule, text, list(range(len(text) + 1))) == expected
