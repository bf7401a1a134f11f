"""Language guess, offline: French goes on; other languages are refused with the language named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from temoin.api import check_article
from temoin.exceptions import NotFrenchError
from temoin.io.language import guess_language, not_french_reason
from temoin.records import Article

FRENCH = [
    "Mardi, des hommes armés ont attaqué le poste militaire de Djibo, tuant au moins sept soldats.",
    "L'armée a repoussé l'attaque, a déclaré mercredi le porte-parole du gouvernement, qui parle d'un « acte lâche ».",
    "Le ministre a cité le communiqué en anglais, « the situation is under control and the attackers have fled », "
    "avant d'ajouter que les opérations de ratissage se poursuivaient dans la zone et que le bilan restait provisoire.",
    "Attaque à Kidal",
]
OTHERS = {
    "English": "The army said on Tuesday that the attack had been repelled and that the town was calm.",
    "Spanish": "El ejército dijo el martes que el ataque fue repelido y que la ciudad estaba en calma.",
    "Portuguese": "O exército disse na terça-feira que o ataque foi repelido e que a cidade estava calma.",
    "Italian": "L'esercito ha detto martedì che l'attacco è stato respinto e che la città era calma.",
    "German": "Die Armee sagte am Dienstag, dass der Angriff abgewehrt wurde und die Stadt ruhig ist.",
    "Dutch": "Het leger zei dinsdag dat de aanval was afgeslagen en dat het rustig is in de stad.",
}


@pytest.mark.parametrize("text", FRENCH)
def test_french_is_french(text: str) -> None:
    assert not_french_reason(text) is None


@pytest.mark.parametrize(("language", "text"), OTHERS.items())
def test_other_languages_are_named(language: str, text: str) -> None:
    assert not_french_reason(text) == f"the text does not look French: the language looks like {language}"


@pytest.mark.parametrize(
    ("script", "text"),
    [
        ("Arabic", "قال الجيش يوم الثلاثاء إن الهجوم قد تم صده"),
        ("Cyrillic", "Армия заявила во вторник, что атака отбита"),
    ],
)
def test_other_scripts_are_named(script: str, text: str) -> None:
    assert not_french_reason(text) == f"the text does not look French: it is written in {script} script"


def test_check_article_refuses_with_the_language_and_the_job_goes_on() -> None:
    with pytest.raises(
        NotFrenchError,
        match=r"^article en: the text does not look French: the language looks like "
        r"English$",
    ):
        check_article(Article("en", OTHERS["English"]))
    check_article(Article("fr", FRENCH[0]))


def test_words_without_a_known_language_do_not_look_french() -> None:
    assert not_french_reason("Djibo Kidal Gao") == "the text does not look French"


@given(st.text(max_size=300))
def test_guess_language_never_raises(text: str) -> None:
    guess = guess_language(text)
    assert 0.0 <= guess.share <= 1.0 and 0.0 <= guess.french_share <= 1.0
