"""Tolls with ACLED's conventions for vague and compound figures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from temoin.resources import word_pattern
from temoin.stages.tolls import find_tolls


def killed(text: str) -> int:
    return sum(t.count for t in find_tolls(text) if t.outcome == "KILLED")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Au moins 12 soldats ont été tués.", 12),
        ("Trois résistants ont été tués lors des affrontements.", 3),
        ("Un présumé membre de gang a été lynché par une foule à Pétion-Ville.", 1),
        ("Une habitante de Graïvoron a été tuée vendredi.", 1),
        ("Un soldat a été blessé et son véhicule a été détruit.", 0),
        ("Des dizaines de jihadistes ont été neutralisés.", 12),
        ("Une dizaine de civils ont été tués.", 10),
        ("Plusieurs villageois ont été abattus.", 3),
        ("40 assaillants et 7 soldats ont été tués.", 47),
        ("L'attaque a fait 23 morts et 17 blessés.", 23),
        ("Une centaine de personnes ont péri.", 100),
        ("tuant trois civils et un policier", 4),  # the second figure of a list counts too
        ("Le bilan s'est alourdi à 25 morts.", 25),
        ("Deux civils, dont un enfant, auraient été tués.", 2),
        ("Les avions ont neutralisé « plusieurs dizaines » d'entre eux.", 12),
        ("Trois policiers et 40 Congolais - dont six enfants et deux femmes - sont morts.", 43),
        ("Huit civils (dont deux enfants et une femme) ont été tués.", 8),
        ("Six civils, dont deux enfants et une femme, ont été tués.", 6),
        ("le massacre présumé par des miliciens d'une trentaine de villageois", 30),
        ("l'exécution sommaire de 14 hommes par des soldats", 14),
        ("Un drone a visé une moto, tuant son conducteur.", 1),
        ("Un casque bleu a été tué lundi.", 1),
        ("Des hommes armés ont abattu un berger près du puits.", 1),
        ("Il a tué le temps en lisant.", 0),  # not a person
        ("Trois civils ont été décapités vendredi.", 3),
        ("Le procureur a dit que 9 des 20 personnes détenues sont mortes dans la nuit.", 9),  # 9 of the 20
        ("Deux des cinq otages ont été exécutés.", 2),
        ("Les corps de quatre bergers ont été retrouvés près du puits.", 4),
        ("Six détenues ont été retrouvées mortes.", 6),
        # the kill verb of the next figure is not this one's
        ("Des bandits ont enlevé une trentaine de villageois à Kairu et tué deux personnes à Maru.", 2),
        ("L'ennemi a été mis en déroute, laissant sur le terrain 21 corps.", 21),
        ("Les soldats ont repris le district, tuant « plus de 20 khawarij ».", 20),  # whoever the noun names
        ("La frappe a tué quatre personnes et en a blessé 12 autres à Kharkiv.", 4),  # the verb before rules
        ("Le combattant Ali Hassan Fawaz est tombé en martyr.", 1),  # a name between the noun and the verb
        ("Un jeune combattant de la Brigade de Tulkarem est tombé en martyr lundi.", 1),  # of a named group
        ("Lors d'une autre frappe, « plus de 40 nationalistes » ont été éliminés.", 40),  # « une autre frappe »: none
        ("Une trentaine de mercenaires étrangers auraient été tués.", 30),
        ("Les tirs ont touché le quartier, sans faire état de victimes.", 0),
        ("Des hommes armés ont volé le bétail, tuant 20 vaches.", 0),  # not people
        ("Des inconnus ont exécuté mardi dernier cinq bergers près du forage.", 5),  # a day between
        ("Trois gardes nationaux ont péri quand leur camion a sauté sur une mine.", 3),
        ("Une vingtaine de ces « criminels » ont été neutralisés, selon l'état-major.", 20),
        ("L'armée reconnaît la mort de deux soldats et la perte de trois autres.", 5),
        ("Le groupe revendique la mort de « dizaines » de militaires.", 0),  # a claim, not a toll
        ("De nombreux assaillants ont été neutralisés, sans bilan précis.", 0),  # « many »: no figure
        ("Quatre malfaiteurs armés venus de l'autre rive ont été abattus par les militaires.", 4),
        ("Six soldats et de nombreux terroristes ont été tués.", 6),
        ("La gendarmerie dit avoir abattu au moins six bandits.", 6),
        ("L'armée dit avoir abattu 40 des 52 drones lancés dans la nuit.", 0),  # not people
        ("Un obus a frappé la maison, tuant un homme et ses trois enfants.", 4),
        ("Hélas, quatre de nos vaillants soldats sont tombés au champ d'honneur.", 4),
        ("Des soldats ont ouvert le feu sur un berger près du village, le tuant sur le coup.", 1),  # « le tuant »
        ("Au moins cinq civils ont été tués, ainsi que le kamikaze.", 6),
        ("La kamikaze a tué deux pêcheurs en plus de lui-même.", 3),  # « de lui-même », not only « d'elle-même »
        ("Deux pêcheurs avaient péri en plus de l'assaillant.", 3),
        ("Trois gardes et l'auteur de l'attentat ont été tués.", 4),
        ("Le kamikaze a également péri dans l'explosion.", 1),  # the bomber's death told apart
        ("Un des assaillants a été tué lors des échanges de tirs.", 1),  # « un des ... »
        ("Cinq soldats irakiens, dont un officier, ont été tués.", 5),  # an adjective before the aside
        ("Bilan : quatre civils tués, dont un chef, une dizaine de cases incendiées.", 4),  # told before the aside
        ("Au moins dix combattants, six rebelles et quatre soldats, ont été tués.", 10),  # a total, then its split
        ("Cinq policiers et deux civils ont été tués, ainsi que trois assaillants, abattus.", 10),  # 2 + 3 = 5
        # numbers written in words are read whole (« vingt-trois » is not « trois »)
        ("Au moins vingt-trois personnes ont été tuées samedi.", 23),
        ("Trente et un villageois ont été tués.", 31),
        ("Quatre-vingt-dix-sept civils ont péri.", 97),
        ("Soixante-douze soldats ont été tués.", 72),
        ("Deux cent quarante personnes ont été tuées.", 240),
        ("Dix-sept personnes ont péri.", 17),
        # « tuant ses deux ... », « l'un de ses ... », a relative clause before the verb, drones are no people
        ("Un taxi-moto a sauté sur une mine, tuant ses deux occupants, un conducteur et une commerçante.", 2),
        ("Des drones ont frappé un camp près de Sidakan, tuant l'un de ses membres, selon le parti.", 1),
        ("Une vingtaine d'hommes armés qui s'apprêtaient à attaquer des positions de l'armée ont été neutralisés.", 20),
        ("Un drone a percuté une voiture, tuant son conducteur, tandis que deux autres appareils étaient abattus.", 1),
        # a victim named with its kind and those counted after « et »; a date or « par erreur » before the figure
        ("Une frappe a visé un repaire de bandits, tuant un chef de gang et six de ses hommes.", 7),
        ("Les assaillants avaient assassiné le 3 mars quatre villageois.", 4),
        ("Un raid aérien avait tué par erreur au moins neuf bergers.", 9),
        ("Deux réservistes ont été tués par une mine.", 2),
        ("Une trentaine de terroristes ont été mis hors d'état de nuire.", 30),
        # people taken are no toll, though another figure's kill word follows; the one who died of his wounds is
        # one of the new total the sentence gives
        ("La police a confirmé que « 31 personnes ont été enlevées » et qu'un fidèle a été abattu.", 1),
        (
            "Un communiqué a porté le bilan à trois soldats tués : un sous-officier blessé, évacué vers Sévaré, "
            "a succombé.",
            3,
        ),
    ],
)
def test_killed(text: str, count: int) -> None:
    assert killed(text) == count


def test_the_figure_a_toll_was_first_put_at_is_an_earlier_one() -> None:
    tolls = find_tolls("Le bilan provisoire faisait d'abord état de quinze morts ; il a été revu à la hausse.")
    assert [t.code for t in tolls] == [2]


def test_a_figure_after_an_earlier_one_is_not_earlier_too() -> None:
    text = "Les autorités ont d'abord fait état de douze morts, avant d'annoncer dimanche un bilan de dix-neuf tués."
    assert [(t.count, t.code) for t in find_tolls(text)] == [(12, 2), (19, 1)]


def test_a_toll_revised_upwards_is_an_update() -> None:
    assert [t.code for t in find_tolls("L'ONG a revu ce bilan à la hausse vendredi, faisant état de 19 morts.")] == [1]


def test_the_dead_named_again_with_les_are_flagged_as_restated() -> None:
    tolls = find_tolls("Selon le maire, les trois hommes ont été abattus à bout portant.")
    assert [(t.count, t.restated) for t in tolls] == [(3, True)]


def test_injured_are_kept_apart() -> None:
    tolls = find_tolls("L'attaque a fait 23 morts et 17 blessés.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 23), ("INJURED", 17)]


def test_the_loss_of_soldiers_listed_before_the_wounded_is_a_death_toll() -> None:
    tolls = find_tolls("L'état-major reconnaît la perte de cinq soldats, ainsi que neuf blessés évacués vers Gao.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 5), ("INJURED", 9)]


def test_a_first_toll_is_earlier_even_with_its_teller_between() -> None:
    text = "Un premier bilan, communiqué lundi soir par le gouverneur de la région, Ali Moussa, faisait état de 6 morts"
    assert [t.code for t in find_tolls(text)] == [2]


def test_a_toll_first_put_at_then_raised_on_a_day_is_earlier_then_updated() -> None:
    text = "Le bilan, d'abord établi à cinq morts par des témoins, a été porté mardi à 11 morts par le maire."
    assert [(t.count, t.code) for t in find_tolls(text)] == [(5, 2), (11, 1)]


def test_an_injury_verb_before_a_figure_makes_it_injured() -> None:
    tolls = find_tolls("Des obus ont touché le marché, tuant deux civils et blessant cinq personnes.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 2), ("INJURED", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "La perte de plusieurs véhicules, dont deux chars.",
        "Le 23 septembre, deux délégations se sont rencontrées.",
        "Le conflit dure depuis 12 ans.",
        "L'armée a perdu 930 soldats tués ou blessés en une journée.",
    ],
)
def test_no_toll(text: str) -> None:
    assert find_tolls(text) == []


def test_update_is_flagged() -> None:
    assert find_tolls("Le bilan est passé à 30 morts.")[0].update


@pytest.mark.parametrize(
    "text",
    [
        "Aucune victime n'a été signalée.",
        "Le dépôt a été incendié sans faire de victimes.",
        "Ces frappes n'ont pas fait de victimes, selon une source sécuritaire.",
    ],
)
def test_no_victims_is_a_toll_of_zero(text: str) -> None:
    tolls = find_tolls(text)
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 0)]


def test_no_victim_phrases_come_from_the_lexicon(extended_lexicon: Callable[..., None]) -> None:
    assert find_tolls("Nul n'a été blessé dans l'incendie.") == []
    extended_lexicon("lexicons/no_victims.txt", ["nul n'a été blessé"], word_pattern)
    tolls = find_tolls("Nul n'a été blessé dans l'incendie.")
    assert [(t.outcome, t.count, t.start, t.end) for t in tolls] == [("KILLED", 0, 0, 18)]


def test_the_dead_among_a_group_are_of_that_group() -> None:
    (toll,) = find_tolls("Ces frappes ont fait cinq morts parmi les combattants, selon la chaîne.")
    assert (toll.count, toll.victims) == (5, "combattants")


def test_every_figure_of_a_list_counts() -> None:
    tolls = find_tolls("Les assaillants ont ciblé un bateau, tuant 49 civils et 15 militaires, selon le gouvernement.")
    assert [(t.count, t.victims) for t in tolls] == [(49, "civils"), (15, "militaires")]


def test_an_earlier_figure_is_marked_so_and_does_not_count_as_an_update() -> None:
    tolls = find_tolls("Un premier bilan faisait état de douze morts et d'une trentaine de blessés.")
    assert [(t.count, t.earlier, t.update) for t in tolls] == [(12, True, False), (30, True, False)]


def test_unarmed_men_are_counted_as_civilians() -> None:
    tolls = find_tolls("Les soldats ont exécuté 31 hommes non armés.")
    assert [(t.count, t.victims) for t in tolls] == [(31, "civils")]


def test_a_figure_told_against_an_earlier_one_is_an_update() -> None:
    tolls = find_tolls("Selon la société civile, 23 corps ont été retrouvés à ce jour, contre 16 annoncés lundi.")
    assert [(t.count, t.update) for t in tolls] == [(23, True)]


def test_an_adverb_between_the_auxiliaries_keeps_the_toll() -> None:
    tolls = find_tolls("Six soldats avaient alors été tués, selon les autorités.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 6)]


def test_alors_que_ends_the_figure_s_clause() -> None:
    tolls = find_tolls("Trois soldats ont été attaqués alors que deux civils ont été tués.")
    assert [(t.outcome, t.count, t.victims) for t in tolls] == [("KILLED", 2, "civils")]


def test_suspected_before_the_noun_still_counts_the_dead() -> None:
    tolls = find_tolls("Trois présumés terroristes ont été tués lors de l'opération.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 3)]


def test_the_wounded_who_succumbed_are_dead() -> None:
    tolls = find_tolls("Deux autres soldats, grièvement blessés, ont succombé mardi à l'hôpital.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 2)]


def test_wounded_then_another_figure_killed_stay_apart() -> None:
    tolls = find_tolls("Deux soldats blessés, trois tués.")
    assert [(t.outcome, t.count) for t in tolls] == [("INJURED", 2), ("KILLED", 3)]


def test_a_killing_verb_then_its_day_and_town_then_the_figure() -> None:
    tolls = find_tolls("Des hommes armés ont tué dimanche à Beni sept civils.")
    assert [(t.outcome, t.count) for t in tolls] == [("KILLED", 7)]
