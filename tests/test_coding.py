"""Coding sentences into events: the word lists it reads from ``data/lexicons``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Span

from temoin.coding import clauses, drafts, location, participants, typing
from temoin.resources import word_alternation, word_pattern
from tests.hand_parsed import hand_parsed

Extend = Callable[..., None]


def test_a_property_word_added_to_the_lexicon_makes_property_destruction(extended_lexicon: Extend) -> None:
    text = "Des hommes armés ont attaqué les greniers de Kouri."
    assert typing.classify(["attack"], text, None, None, []) == ("Battles", "Armed clash")
    extended_lexicon("lexicons/type_cues.tsv", ["greniers\tproperty"], typing.type_cues)
    destruction = ("Strategic developments", "Looting/property destruction")
    assert typing.classify(["attack"], text, None, None, []) == destruction


def test_a_star_in_a_cue_stands_for_the_end_of_a_word() -> None:
    assert typing.has_cue("air", "Des barils larguées sur Alep")  # "largu*"
    assert not typing.has_cue("air", "Le largu du bateau")  # one letter at least after the stem


def test_an_armed_victim_noun_added_to_the_lexicon_makes_a_battle(extended_lexicon: Extend) -> None:
    text = "Dix gardes ont été tués."
    assert typing.classify(["kill"], text, None, None, ["gardes"]) == ("Violence against civilians", "Attack")
    extended_lexicon("lexicons/victim_nouns.tsv", ["gardes\tarmed"], typing.victim_nouns)
    assert typing.classify(["kill"], text, None, None, ["gardes"]) == ("Battles", "Armed clash")


def test_duration_slots_combine_words_from_the_lexicon(extended_lexicon: Extend) -> None:
    assert clauses.duration().search("Le conflit dure depuis 12 ans.")  # figures are always taken
    assert not clauses.duration().search("Le conflit dure depuis treize ans.")
    extended_lexicon("lexicons/durations.tsv", ["treize\tcount"], clauses.duration)
    assert clauses.duration().search("Le conflit dure depuis treize ans.")
    assert not clauses.duration().search("Le conflit dure depuis treize jours.")


def test_group_anaphora_and_troop_nouns_come_from_the_lexicons(extended_lexicon: Extend) -> None:
    assert not clauses.group_anaphora().search("« La coalition a revendiqué l'attaque.")
    assert "renforts" not in participants.troop_nouns()
    extended_lexicon("lexicons/group_anaphora.txt", ["la coalition"], clauses.group_anaphora)
    extended_lexicon("lexicons/troop_nouns.txt", ["renforts"], participants.troop_nouns)
    assert clauses.group_anaphora().search("« La coalition a revendiqué l'attaque.")
    assert not clauses.group_anaphora().search("Selon la coalition, l'attaque a eu lieu.")  # only at the head
    assert "renforts" in participants.troop_nouns()


def test_what_a_group_holds_comes_from_the_lexicon(extended_lexicon: Extend) -> None:
    text = "des frappes contre des arsenaux de l'organisation dans les monts Hamrin"
    assert participants.group_target().search("des frappes contre des caches de l'organisation")
    assert not participants.group_target().search(text)
    extended_lexicon("lexicons/group_targets.tsv", ["asset\tarsenaux"], participants.group_target)
    assert participants.group_target().search(text)
    assert not participants.group_target().search("des frappes contre des arsenaux de l'armée")


def test_near_words_come_from_the_lexicon(extended_lexicon: Extend) -> None:
    assert location.near().search("aux abords de la ville de")
    assert not location.near().search("à côté de la ville de")
    extended_lexicon("lexicons/near_words.txt", ["à côté"], word_pattern)
    assert location.near().search("à côté de la ville de")


def test_words_are_matched_literally_and_an_empty_list_is_refused() -> None:
    assert word_alternation(["check-point", "(a+)"]) == r"check\-point|\(a\+\)"
    with pytest.raises(ValueError, match="no words"):
        word_alternation([])


@pytest.mark.parametrize(
    ("table", "victims", "key"),
    [
        ({"militaires": 11}, "soldats", "militaires"),  # « Onze militaires » then the attackers' « vingt soldats »
        ({"personnes": 14}, "morts", "personnes"),  # totals
        ({"civils": 5}, "villageois", "civils"),
        ({"soldats": 3}, "assaillants", None),  # the other side's dead are other dead
    ],
)
def test_two_voices_count_the_same_dead_under_kin_nouns(table: dict[str, int], victims: str, key: str | None) -> None:
    assert drafts.same_dead(table, victims) == key


@pytest.mark.parametrize(
    ("text", "heads_for"), [("évacué vers Natitingou", True), ("attaqué près de Natitingou", False)]
)
def test_where_the_wounded_were_taken_is_no_scene_of_the_event(text: str, heads_for: bool) -> None:
    doc = spacy.blank("fr")(text)
    assert drafts.heads_for(Span(doc, len(doc) - 1, len(doc), label="town")) is heads_for


# « une force israélienne aurait enlevé un berger » as the French model once parsed it: the subject an indirect object
MISREAD_SUBJECT = [
    ("une", "DET", "det", 1),
    ("force", "NOUN", "iobj", 4),
    ("israélienne", "ADJ", "amod", 1),
    ("aurait", "AUX", "aux:tense", 4),
    ("enlevé", "VERB", "ROOT", 4),
    ("un", "DET", "det", 6),
    ("berger", "NOUN", "obj", 4),
]


def test_a_noun_before_a_subjectless_verb_is_its_subject() -> None:
    from temoin.stages.actors import subject_parsed_as_object

    doc = hand_parsed(MISREAD_SUBJECT)
    assert subject_parsed_as_object(doc[1])
    assert not subject_parsed_as_object(doc[6])  # the object after the verb stays its object
    with_a_subject = hand_parsed(
        [(w, p, "nsubj" if i == 6 else d, h) for i, (w, p, d, h) in enumerate(MISREAD_SUBJECT)]
    )
    assert not subject_parsed_as_object(with_a_subject[1])  # the verb has a subject elsewhere
