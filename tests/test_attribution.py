"""Sources: who the article says a claim comes from (the ``temoin_attribution`` stage, through the full pipeline)."""

from __future__ import annotations

import pytest


def _sources(analyzer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.source for a in analyzer.analyze(text, "2024-03-01").attributions]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Selon l'OSDH, douze combattants ont été tués près d'Idlib.", "OSDH"),
        ("Trois soldats ont été blessés à Ménaka, a indiqué l'armée malienne.", "armée malienne"),
        # the person in apposition to a title is the source
        ("Le ministre de la Défense, Amadou Diallo, estime que la situation est sous contrôle.", "Amadou Diallo"),
        # an inverted subject and its apposition
        ('"Nous tenons la ville", affirme le porte-parole du mouvement, Jean-Pierre Kabila, dimanche.',
         "Jean-Pierre Kabila"),
        # a name the parser splits off its title, and a subject an incise splits off its verb
        ("L'agence d'information russe Sputnik a annoncé l'arrivée d'un convoi à Hassaké.", "Sputnik"),
        # the medium a witness spoke to
        ("Une habitante, Aïcha Traoré, a déclaré à l'agence de presse AFP que les tirs avaient duré une heure.", "AFP"),
    ],
)
def test_sources_are_found(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in found for found in _sources(analyzer, text))


def test_a_place_after_a_verb_of_speech_is_not_a_medium(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Le gouverneur a déclaré à Bamako que les routes étaient rouvertes.")
    assert "Bamako" not in found


def test_the_source_of_an_incise_points_back(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Un convoi est arrivé à Hassaké, selon SANA. La source a, de même, ajouté que des avions ont atterri."
    assert _sources(analyzer, text) == ["SANA", "SANA"]
