"""Sources: who the article says a claim comes from (the ``temoin_attribution`` stage, through the full pipeline)."""

from __future__ import annotations

import pytest

from temoin.stages.sources import normalise_source, written_form
from tests.hand_parsed import hand_parsed


def _sources(analyzer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.source for a in analyzer.analyze(text, "2024-03-01").attributions]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Selon l'OSDH, douze combattants ont été tués près d'Idlib.", "OSDH"),
        ("Trois soldats ont été blessés à Ménaka, a indiqué l'armée malienne.", "armée malienne"),
        # a holder NER does not take for a person, between commas after the title
        (
            "Le président de la commission, Nkosazana Dlamini Zuma, affirme que la trêve tient.",
            "président de la commission, Nkosazana Dlamini Zuma",
        ),
        ("Le ministre des affaires étrangères, Amina Sow, exhorte les parties à négocier.", "Amina Sow"),
        # the person in apposition to a title is the source
        ("Le ministre de la Défense, Amadou Diallo, estime que la situation est sous contrôle.", "Amadou Diallo"),
        # an inverted subject and its apposition
        (
            '"Nous tenons la ville", affirme le porte-parole du mouvement, Jean-Pierre Kabila, dimanche.',
            "Jean-Pierre Kabila",
        ),
        # a name the parser splits off its title, and a subject an incise splits off its verb
        ("L'agence d'information russe Sputnik a annoncé l'arrivée d'un convoi à Hassaké.", "Sputnik"),
        # the medium a witness spoke to
        ("Une habitante, Aïcha Traoré, a déclaré à l'agence de presse AFP que les tirs avaient duré une heure.", "AFP"),
        # a title and its holder make one source; the subject before the verb, not the object after it
        (
            "Le porte-parole de la mission, Omar Sidibé, estime cette semaine que le calme est revenu.",
            "porte-parole de la mission, Omar Sidibé",
        ),
        (
            "Deux villages ont été incendiés, selon le chef de canton, le sultan Abakar Issa.",
            "chef de canton, sultan Abakar Issa",
        ),
        # verbs of speech beyond "déclarer": confier, réagir, dire
        ("Moussa Keita, chercheur au Timbuktu Institute, confie que les attaques se multiplient.", "Moussa Keita"),
        # a body the speaker works for is a source too
        (
            "Moussa Keita, chercheur au Timbuktu Institute, confie que les attaques se multiplient.",
            "Timbuktu Institute",
        ),
        # an acronym defined in the article gives the source its full name
        (
            "Le Comité pour la paix au Kivu (CPK) a dénoncé des tueries. Selon le CPK, vingt civils ont péri.",
            "Comité pour la paix au Kivu (CPK)",
        ),
        ("Les Nations unies (ONU) affirment que mille familles ont fui.", "Nations unies"),
        # the long form of a known agency is kept beside its short name
        ("Un témoin a déclaré à l'agence de presse Associated Press que le pont avait sauté.", "Associated Press"),
        # a medium that is not in our list, named after its kind
        (
            "Des sources judiciaires ont déclaré à la radio locale Sahel FM qu'aucune plainte n'avait été déposée.",
            "radio locale Sahel FM",
        ),
        ("Dans une interview accordée à la chaîne Voxafrica, le général a promis de reprendre la ville.", "Voxafrica"),
        # the channel a claim went through, named
        (
            "L'organisation État islamique a revendiqué l'embuscade de Mocímboa par le biais de son agence Amaq.",
            "Amaq",
        ),
        ("Les shebab ont revendiqué l'attentat via leur radio Andalus.", "Andalus"),
        # a name right after the agency it spoke to
        ("« Tout recommence », a déclaré à l'AFP Gul Bano, la mère de l'un des jeunes enlevés à Turbat.", "Gul Bano"),
    ],
)
def test_sources_are_found(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in found for found in _sources(analyzer, text))


def test_an_acronym_glossed_in_its_brackets_is_written_as_the_article_wrote_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Le Front de libération de l'Azawad (FLA, coalition rebelle) a revendiqué l'attaque du camp de Léré."
    assert "le Front de libération de l'Azawad (FLA, coalition rebelle)" in _sources(analyzer, text)
    assert normalise_source("le Front de libération de l'Azawad (FLA, coalition rebelle)").endswith("(FLA)")


def test_a_rank_with_an_elided_article_before_the_holder_of_a_title(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Deux policiers ont été tués, a indiqué le porte-parole adjoint de la police, l'inspecteur Marc-Ange "
        "Jean-Baptiste, lors d'un point de presse."
    )
    assert any(s.endswith("inspecteur Marc-Ange Jean-Baptiste") for s in _sources(analyzer, text))


def test_speakers_after_the_medium_they_spoke_to(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Quatre soldats ont été tués à Rugombo, ont indiqué à l'AFP des sources sécuritaires et un élu local."
    assert {"des sources sécuritaires", "un élu local"} <= set(_sources(analyzer, text))


def test_a_place_after_a_verb_of_speech_is_not_a_medium(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Le gouverneur a déclaré à Bamako que les routes étaient rouvertes.")
    assert "Bamako" not in found


def test_the_source_of_an_incise_points_back(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Un convoi est arrivé à Hassaké, selon SANA. La source a, de même, ajouté que des avions ont atterri."
    assert _sources(analyzer, text) == ["SANA", "SANA"]


def test_a_source_is_not_repeated_inside_a_longer_one(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Amina Touré, analyste, confie à la BBC que le conflit s'enlise.")
    assert sum("BBC" in f for f in found) == 1


@pytest.mark.parametrize(
    ("text", "not_a_source"),
    [
        # one who said nothing
        ("Des drones ont frappé Tillabéri, selon des habitants. L'armée nigérienne n'a pas commenté.", "armée"),
        # « fait ... de morts dans cet État »: no « faire état »
        ("Dans une vidéo de soldats maliens, on voit des corps.", "soldats"),
        (
            "Les affrontements entre agriculteurs et éleveurs, sur fond de litiges fonciers, ont fait des dizaines de "
            "morts dans cet État depuis deux ans.",
            "affrontements",
        ),
        (
            "Le Front de libération du Macina (FLM), affilié au JNIM, a revendiqué l'embuscade par le biais de son "
            "organe de propagande Al-Hidaya, affirmant avoir tué six gendarmes.",
            "embuscade",
        ),
        # the one blamed; how the source was reached; where it speaks from
        ("La police régionale a attribué l'enlèvement à l'Armée de libération oromo (OLA).", "OLA"),
        ("Des combats ont éclaté près de Luvungi, a affirmé un officier joint au téléphone.", "téléphone"),
        ("Deux soldats ont été tués près de Bocaranga, a indiqué une source militaire à Bangui.", "Bangui"),
        # a weapon's name before an incise whose source follows the verb
        (
            "Les forces russes ont attaqué Soumy avec des drones Shahed, tuant un homme, a annoncé le chef de "
            "l'administration militaire régionale.",
            "Shahed",
        ),
        # the object before an incise whose source, then its medium, follow the verb
        (
            "Les rebelles ont pris pour cible dimanche, avec des drones, des positions de l'armée malienne près de "
            "Léré, a indiqué une source militaire à l'AFP.",
            "positions",
        ),
        # who said nothing, named by « aucun »
        ("Aucune des deux armées n'a communiqué sur cet incident, survenu près de Ruhwa.", "armées"),
        # what a reporting phrase reports (« faisait état de ») is no speaker after it
        (
            "Des soldats nigériens ont été attaqués vendredi à Ayorou, a annoncé samedi le ministère de la Défense. "
            "Le bilan initial, diffusé samedi soir par des sources locales, faisait état de sept soldats tués.",
            "état",
        ),
        # a wording after « selon »; what was denied; the words quoted, cut from their opening mark
        (
            "Le Groupe de soutien à l'islam et aux musulmans (GSIM, ou JNIM selon l'acronyme arabe), affilié à "
            "Al-Qaïda, a affirmé avoir tué dix soldats à Boni.",
            "acronyme",
        ),
        (
            "Joint par téléphone, un porte-parole de l'Unité pour la paix en Centrafrique (UPC), à laquelle "
            "appartient la faction d'Ali Darassa, a démenti toute perte dans ses rangs, affirmant que ses hommes "
            "avaient « repoussé l'ennemi ».",
            "perte",
        ),
        (
            "Trois jeunes ont été enlevés à Turbat. « Nous n'avons aucune nouvelle. C'est chaque fois la même "
            "chose », a déclaré à l'AFP Gul Bano, la mère de l'un d'eux.",
            "même chose",
        ),
    ],
)
def test_what_names_no_source(analyzer, text: str, not_a_source: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(not_a_source in found for found in _sources(analyzer, text))


def test_the_accused_of_a_passive_verb_is_not_a_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Le groupe est accusé par l'ONU d'avoir incendié trois villages près de Beni.")
    assert not any("groupe" in f for f in found)
    assert any("ONU" in f for f in found)


def test_coordinated_speakers_are_two_sources(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Des ONG locales et l'ambassadeur du Mali aux Nations unies ont dénoncé des exécutions sommaires."
    found = _sources(analyzer, text)
    assert any(f.startswith("des ONG locales") for f in found)
    assert any(f.startswith("ambassadeur du Mali") for f in found)  # the ambassador, not the UN


def test_a_statement_of_a_known_outlet_is_the_outlet(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "OSDH" in _sources(analyzer, "Selon un communiqué de l'OSDH, six soldats ont été tués près de Deraa.")


def test_unconfirmed_reports_are_a_hedge_not_a_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Selon des informations non confirmées, des hommes armés auraient incendié le marché de Diafarabé."
    assert not any("information" in f for f in _sources(analyzer, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a finite verb the parser hung on the first noun, made the root, past an incise
        (
            "Un responsable communal, sous couvert d'anonymat, évoque pour sa part six militaires tués lors de "
            "l'assaut.",
            "responsable communal",
        ),
        # a reporting verb coordinated with another takes its subject
        ("La ministre Awa Cissé a reçu les familles et a annoncé que les recherches continuaient.", "Awa Cissé"),
        # a subject the parser leaves unattached, after "et"
        (
            "Des centaines de maisons ont brûlé et le Comité international de la Croix-Rouge (CICR) affirme que "
            "des milliers de familles sont sans abri.",
            "Croix-Rouge",
        ),
        # an incise whose parsed subject is the quotation
        (
            '"La route est coupée depuis lundi, dit un officier de la gendarmerie, et les convois attendent."',
            "officier de la gendarmerie",
        ),
        # the speaker after the medium
        (
            '"Les stocks sont épuisés", a déclaré à l\'AFP, Moussa Sangaré, un des responsables du port.',
            "Moussa Sangaré",
        ),
        # a title in apposition after the name
        (
            '"Les détenus seront libérés", a précisé Idriss Mahamat, le ministre tchadien de l\'Intérieur.',
            "ministre tchadien de l'Intérieur",
        ),
        # who a report, a video or a book is by
        (
            "Dans un rapport de la Banque africaine de développement publié jeudi, les pertes sont chiffrées.",
            "Banque africaine de développement",
        ),
        ("Une vidéo diffusée sur Facebook par la radio Kivu Lumière montre le pont détruit.", "Kivu Lumière"),
        (
            "Selon un ouvrage écrit par les journalistes Anne Moreau et Lucien Bah, le trafic dure depuis 1990.",
            "Lucien Bah",
        ),
        # reporting phrases
        ("La Banque mondiale a mis en garde contre une hausse du prix du riz au Sahel.", "Banque mondiale"),
        (
            "Le Parti des travailleurs a appelé lundi ses militants à manifester devant le palais.",
            "Parti des travailleurs",
        ),
        # the medium after « auprès de »
        ("Un officier a confié auprès de Reuters que le camp était encerclé.", "Reuters"),
        # the speaker of a cleft; sources counted after the medium; whom the medium learnt it from
        (
            "Des drones ont frappé Tchernihiv dans la nuit. C'est ce qu'a annoncé sur Telegram le gouverneur de "
            "la région de Tchernihiv.",
            "gouverneur de la région de Tchernihiv",
        ),
        (
            "Cinq policiers ont été tués lundi à Bannu, ont indiqué à l'AFP trois sources policières.",
            "sources policières",
        ),
        ("Deux bergers ont été tués mardi près de Mora, a appris Xinhua jeudi auprès d'un élu local.", "élu local"),
        # a fronted phrase the parser hangs on the subject
        (
            "Dans un communiqué lu jeudi soir à la télévision publique, l'état-major des armées a en outre affirmé "
            "que des frappes menées lundi près de Ménaka avaient détruit deux camps.",
            "état-major des armées",
        ),
        # a verb that reports only in an incise
        ("Des inconnus ont brûlé trois camions près de Kidal, poursuit le porte-parole de la Minusma.", "MINUSMA"),
        # an outlet's service keeps its name
        ("Le sprinteur Kwame Owusu confie à BBC Sport qu'il visera l'or à Paris.", "BBC Sport"),
        # the medium the sources reached the public through
        ("Selon des sources locales jointes par Radio France Internationale, le marché de Kiffa a brûlé.", "Radio"),
        ("Dans un communiqué lu lundi à la télévision publique ORTM, l'armée annonce la prise de Léré.", "ORTM"),
        # who spread hearsay; who gave a toll; the name set off after a medium; a spokesperson's title is kept
        ("Selon des rumeurs non confirmées relayées par des élus locaux, le camp serait tombé.", "élus locaux"),
        ("Le bilan, communiqué lundi par l'administrateur du territoire, faisait état de 9 morts.", "territoire"),
        ("Dans une vidéo diffusée par son organe de propagande, Amaq, le groupe revendique l'attaque.", "Amaq"),
        ("Trois employés ont été arrêtés à Saada, a déclaré le porte-parole de l'ONU.", "porte-parole de l'ONU"),
        # the informant after the medium's name, with and without « auprès »
        ("Un dépôt a brûlé près de Gao, a appris Anadolu auprès d'un officier de la gendarmerie.", "officier"),
        ("Un dépôt a brûlé près de Gao, a appris Anadolu d'un cadre de la préfecture.", "cadre de la préfecture"),
        # a day fronted before the subject, which the parser took for it
        (
            "Lundi, la Croix-Rouge camerounaise a fait état de 14 morts, contre 9 annoncés initialement par un chef "
            "traditionnel.",
            "Croix-Rouge camerounaise",
        ),
        # a name the parser cut at its dashes, with its acronym
        ("L'embuscade a été revendiquée par le Tehrik-e-Taliban Pakistan (TTP) dans la soirée.", "TTP"),
        # the subject before an apposition set off by commas; the claimed act is no speaker
        (
            "Le Front de libération du Macina (FLM), affilié au JNIM, a revendiqué l'embuscade par le biais de son "
            "organe de propagande Al-Hidaya, affirmant avoir tué six gendarmes.",
            "Front de libération du Macina",
        ),
        # an object the parser took for the subject of the incise after it
        (
            "Les forces ukrainiennes ont frappé dans la nuit de lundi à mardi la raffinerie de Volgograd, en Russie, "
            "un site qui alimente l'armée russe en carburant, a confirmé l'état-major dans un communiqué.",
            "état-major",
        ),
        # the body a statement is from; a military unit
        ("Le bilan a été confirmé dans un communiqué du ministère de l'Intérieur lu à la radio.", "ministère"),
        ("Dans un communiqué, la 22e brigade d'infanterie a affirmé avoir repoussé l'assaut.", "22e brigade"),
        # a named group, written in lower case
        ("Les wazalendo ont affirmé avoir chassé les rebelles de Kibirizi jeudi.", "wazalendo"),
        # the speaker after « dans un communiqué », with his name; a title whose « à » is its portfolio
        (
            "« Le camp a été détruit », a affirmé dans un communiqué le porte-parole de la police, Jean Kabeya.",
            "Jean Kabeya",
        ),
        ("Six gardes ont été tués, a déclaré le commissaire à l'Information de l'État, Ali Bako.", "Ali Bako"),
        # the one who lays the blame; a newsroom learnt from
        ("La police régionale a attribué l'enlèvement à des rebelles de l'OLA.", "police régionale"),
        ("Le reporter a été interpellé jeudi, a-t-on appris auprès de sa rédaction.", "rédaction"),
        # the speaker after a newspaper's title no list knows
        (
            "Quatre cultivateurs ont été enlevés à Tanougou, a indiqué à 24 Heures au Bénin le chef d'arrondissement.",
            "chef d'arrondissement",
        ),
        # a medium whose name ends in a figure; « a fait savoir » in an incise
        (
            "Huit employés ont été enlevés près d'Ambo, a affirmé à France 24 un responsable de l'administration.",
            "responsable de l'administration",
        ),
        ("Deux missiles ont été interceptés près de Sébastopol, a fait savoir le gouverneur.", "gouverneur"),
        # the counted object of a participle before the incise is no speaker
        (
            "Lundi, l'occupant a bombardé Nikopol, tuant deux habitants, a indiqué le gouverneur de la région.",
            "gouverneur",
        ),
    ],
)
def test_more_constructions_name_a_source(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in found for found in _sources(analyzer, text))


def test_the_same_sources_are_those_named_before(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le calme est revenu à Dori, a appris l'AIB de sources sécuritaires. Mardi, des terroristes ont attaqué le "
        "poste de Seytenga, tuant deux soldats, selon les mêmes sources."
    )
    (event,) = analyzer.analyze(text, "2027-01-20").events
    assert "sources sécuritaires" in event.sources and "sources" not in event.sources


def test_selon_lui_is_the_last_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le porte-parole de la police de Bauchi a confirmé l'incident mardi. Selon lui, des hommes armés ont tué "
        "trois commerçants lundi près de Toro."
    )
    (event,) = analyzer.analyze(text, "2027-02-03").events
    assert "lui" not in event.sources and any("porte-parole" in s for s in event.sources)


def test_a_courtesy_title_and_a_surname_give_the_full_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Le président guinéen Alpha Barry a visité Kankan. "Nous reconstruirons", a écrit M. Barry sur '
        "Twitter. Selon le président Barry, les travaux commenceront en mai."
    )
    found = _sources(analyzer, text)
    assert found.count("Alpha Barry") == 2
    assert not any("Twitter" in f for f in found)


def test_a_place_after_a_publication_noun_is_not_a_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Les signataires de l'accord de Bamako ont repris les armes près de Kidal.")
    assert not any("Bamako" in f for f in found)


def test_the_same_statement_points_back_to_its_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'armée a annoncé avoir repoussé une attaque à Téra, selon un communiqué du ministère de la Défense. "
        "Des frappes ont ensuite visé les assaillants, selon le même communiqué."
    )
    assert "ministère de la Défense" in _sources(analyzer, text)[-1]


def test_a_phone_call_is_not_a_statement(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _sources(analyzer, "Le capitaine Issa Touré a appelé sa famille depuis Gao.") == []


def test_a_sentence_that_goes_on_telling_an_event_adds_its_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La gendarmerie a arrêté lundi trois membres d'un groupe armé à Kaya. "
        "Selon le procureur militaire, ils préparaient une attaque contre la mairie."
    )
    events = analyzer.analyze(text, "2024-03-01").events
    assert events and "procureur militaire" in events[0].sources
    assert events[0].certainty == "asserted"  # the arrest is told as fact; only what follows is attributed


def test_who_revised_the_toll_is_a_source_of_the_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Au moins seize civils ont été tués dans la nuit de lundi à mardi lors d'une incursion des rebelles ADF dans "
        "le village de Mangina. Il a été revu à la hausse mercredi, après la découverte de quatre autres corps, a "
        "indiqué à Radio Okapi l'administrateur du territoire.\n\nÀ Goma, des obus sont tombés mardi sur le quartier "
        "de Mugunga, tuant deux enfants, selon la société civile."
    )
    events = analyzer.analyze(text, "2025-11-06").events
    assert events and "administrateur du territoire" in events[0].sources  # told on a day of its own: the update's


def test_a_toll_with_no_one_named_is_no_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Un premier bilan, communiqué lundi matin, faisait état de 18 morts ; il est passé à 25, selon la police."
    assert _sources(analyzer, text) == ["police"]


def _hedges(analyzer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = analyzer.nlp(text)
    return [s.text for s in doc.spans["temoin_hedges"]]


def test_a_doubting_adjective_hedges_only_the_event_noun_it_qualifies(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _hedges(analyzer, "Le massacre présumé de Diafarabé a choqué le pays.") == ["présumé"]
    assert _hedges(analyzer, "Les auteurs présumés de l'attaque ont été arrêtés à Kaya.") == []


def test_a_source_quoted_on_something_else_does_not_speak_for_a_later_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'ONG a annoncé samedi suspendre ses activités à Maïné-Soroa, a déclaré son porte-parole. "
        "Elle intervient dans six régions du pays. Elle aide aussi les déplacés. "
        "Le 26 avril, des hommes armés avaient attaqué son bureau à Maïné-Soroa et incendié deux véhicules."
    )
    events = analyzer.analyze(text, "2024-05-25").events
    assert events and events[0].certainty == "asserted"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Deux journalistes ont été interpellés à Gitega, a indiqué leur employeur.", "leur employeur"),
        ("Des drones ont frappé une centrale d'Omdourman, a indiqué la société nationale d'électricité.", "société"),
        ("Le marché a été bombardé dimanche, ont affirmé les paramilitaires dans un communiqué.", "paramilitaires"),
    ],
)
def test_any_noun_phrase_after_a_verb_of_speech_in_an_incise_is_the_source(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in name for name in _sources(analyzer, text))


# « Six personnes ont été tuées dans des combats entre la brigade 301, une unité rattachée au ministère, a annoncé
# le Centre de secours. » as the French model once parsed it: the apposition taken as the subject of « annoncé »
MISREAD_INCISE = [
    ("Six", "NUM", "nummod", 1),
    ("personnes", "NOUN", "nsubj:pass", 4),
    ("ont", "AUX", "aux:tense", 4),
    ("été", "AUX", "aux:pass", 4),
    ("tuées", "VERB", "advcl", 20),
    ("dans", "ADP", "case", 7),
    ("des", "DET", "det", 7),
    ("combats", "NOUN", "obl:mod", 4),
    ("entre", "ADP", "case", 10),
    ("la", "DET", "det", 10),
    ("brigade", "NOUN", "nmod", 7),
    ("301", "NUM", "nummod", 10),
    (",", "PUNCT", "punct", 14),
    ("une", "DET", "det", 14),
    ("unité", "NOUN", "nsubj", 20),
    ("rattachée", "VERB", "acl", 14),
    ("au", "ADP", "case", 17),
    ("ministère", "NOUN", "obl:arg", 15),
    (",", "PUNCT", "punct", 20),
    ("a", "AUX", "aux:tense", 20),
    ("annoncé", "VERB", "ROOT", 20),
    ("le", "DET", "det", 22),
    ("Centre", "NOUN", "obj", 20),
    ("de", "ADP", "case", 24),
    ("secours", "NOUN", "nmod", 22),
    (".", "PUNCT", "punct", 20),
]


def test_an_incise_speaks_for_the_source_after_it_not_an_apposition_before_it() -> None:
    from temoin.stages.speakers import speaker

    doc = hand_parsed(MISREAD_INCISE)
    found = speaker(doc[20])
    assert found is not None and found.text == "le Centre de secours"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a subject of its own, after a semicolon
        (
            "Deux hommes ont été tués à Jénine ; les Brigades Al-Aqsa, un groupe armé, ont revendiqué les deux hommes.",
            "Brigades Al-Aqsa",
        ),
        # a date opens the sentence: the subject after its comma is the speaker
        (
            "La semaine dernière, le ministre de l'Intérieur, Karim Saleh, a qualifié les accusations d'absurdes.",
            "Karim Saleh",
        ),
    ],
)
def test_a_subject_after_a_comma_that_opens_a_clause_stays_the_speaker(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in name for name in _sources(analyzer, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the medium and, after its « de », the sources it learnt from
        ("Un convoi de l'armée est arrivé mardi à Gao, a appris RFI de sources sécuritaires.", "sources sécuritaires"),
        # an adverb between the auxiliary and the verb of an incise
        (
            "Cinq personnes ont péri, a d'abord indiqué l'Agence de protection civile de l'État de Yobe.",
            "Agence de protection civile de l'État de Yobe",
        ),
        # a toll raised by someone, active or passive
        ("La Ligue des droits de l'homme du Kasaï a porté le bilan à douze morts.", "Ligue des droits de l'homme"),
        ("Le bilan a ensuite été porté à neuf morts par un médecin de l'hôpital de Bunia.", "médecin de l'hôpital"),
        # who ascribes the attack tells of it
        (
            "Huit villageois ont été tués lundi à Kwall lors d'une attaque attribuée par la police à des hommes armés.",
            "police",
        ),
    ],
)
def test_fifteenth_session_constructions_name_a_source(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert any(source in name for name in _sources(analyzer, text))


def test_who_ascribes_an_attack_is_cut_before_whom_it_is_ascribed_to(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Mardi, une frappe de drone attribuée par des habitants à l'armée a touché le marché de Mellit."
    assert "des habitants" in _sources(analyzer, text)


def test_a_date_after_a_verb_of_speech_is_no_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _sources(analyzer, "La ville est calme, a-t-on appris lundi.") == []


def test_the_speaker_after_the_medium_with_no_comma_is_the_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(analyzer, "Des hommes armés ont enlevé 30 villageois à Gusau, a déclaré à l'AFP un élu local.")
    assert "un élu local" in found and "AFP" in found


def test_the_circumstances_after_a_speaker_are_not_its_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Deux soldats ont été tués à Kidal, a affirmé à Reuters un notable sous couvert d'anonymat."
    found = _sources(analyzer, text)
    assert "un notable" in found


def test_a_name_with_et_before_a_preposition_is_one_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Le Groupe de soutien à l'islam et aux musulmans (JNIM) a revendiqué l'attaque de Boulkessi."
    assert not any(name.startswith("aux") for name in _sources(analyzer, text))


def test_a_title_and_a_name_the_parser_reads_as_a_verb_stay_one_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Trois personnes ont été tuées à Kharkiv, a indiqué le gouverneur régional Oleh Synehoubov sur Telegram."
    assert _sources(analyzer, text) == ["gouverneur régional Oleh Synehoubov"]


def test_la_meme_before_a_source_is_not_its_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _sources(analyzer, "Onze personnes ont été tuées à Deir el-Balah, selon la même Défense civile.") == [
        "Défense civile"
    ]


def test_two_sources_after_selon_are_two(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Une trentaine de villageois ont été enlevés lundi à Gusau, selon la police et des habitants."
    assert _sources(analyzer, text) == ["police", "des habitants"]


def test_a_verb_that_reports_only_in_an_incise_names_no_source_before_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _sources(analyzer, "Les soldats poursuivent les assaillants vers la frontière.") == []


def test_the_agency_of_a_dateline_is_a_source_of_the_report(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "KIDAL, 4 mars 2026 (Reuters) - Des hommes armés ont incendié mardi trois camions près de Tessalit."
    result = analyzer.analyze(text, "2026-03-04")
    assert [(a.source, a.kind) for a in result.attributions] == [("Reuters", "dateline")]
    assert [(e.sources, e.certainty) for e in result.events] == [(["Reuters"], "asserted")]


def test_a_country_tag_in_a_dateline_is_no_agency(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Bunia (RDC) - Des miliciens ont attaqué lundi le village de Lopa, tuant neuf civils."
    assert analyzer.analyze(text, "2026-03-04").attributions == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (  # « le parti »: the party the article just named
            "La police a arrêté samedi à Lomé cinq militants de l'Alliance nationale pour le changement. Le parti "
            "a dénoncé des arrestations arbitraires.",
            "Alliance nationale pour le changement",
        ),
        (  # a title of the organisation pointed back to: both
            "La police a arrêté samedi à Juba trois responsables du SPLM-IO, selon un porte-parole du mouvement.",
            "porte-parole du mouvement (SPLM-IO)",
        ),
        (  # « la mission onusienne »: the UN mission named before
            "Un Casque bleu de la Monusco a été tué samedi près de Beni, a annoncé la mission onusienne.",
            "Monusco",
        ),
    ],
)
def test_an_organisation_pointed_back_to_is_the_source(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert source in _sources(analyzer, text)


def test_a_phone_reaching_a_source_is_no_medium(analyzer) -> None:  # type: ignore[no-untyped-def]
    sources = _sources(analyzer, "Selon des habitants joints par téléphone, des hommes armés ont attaqué Banibangou.")
    assert not any(s.startswith("téléphone") for s in sources)


def test_a_source_after_selon_ends_where_a_new_phrase_starts(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Les obus, qui visaient selon l'armée malienne un camp de Kidal, ont fait trois morts, selon un élu."
    sources = _sources(analyzer, text)
    assert "armée malienne" in sources and not any("camp" in s for s in sources)


def test_a_council_announcing_is_a_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Jeudi soir, le conseil présidentiel a annoncé un accord de cessez-le-feu entre les deux milices à Tripoli."
    assert "conseil présidentiel" in _sources(analyzer, text)


def test_a_speaker_before_an_incise_and_a_day_is_the_source(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "La Mission de l'ONU au Mali (Minusma) a, de son côté, indiqué lundi qu'une roquette était tombée à Gao."
    sources = _sources(analyzer, text)
    assert any("Minusma" in s for s in sources) and "lundi" not in sources


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("son organe de propagande Al-Hidaya", "organe de propagande Al-Hidaya"),  # a channel named: no possessive
        ("leur employeur", "leur employeur"),  # no name: the possessive says whose
        ("le ministère de la Défense", "ministère de la Défense"),
    ],
)
def test_a_source_name_drops_its_determiner(phrase: str, name: str) -> None:
    assert normalise_source(phrase) == name


@pytest.mark.parametrize(
    ("phrase", "name", "written"),
    [
        ("une source sécuritaire", "source sécuritaire", "une source sécuritaire"),  # as SCHEMA.md writes it
        ("des habitants", "habitants", "des habitants"),
        (
            "l'Agence nationale d'information (ANI)",
            "Agence nationale d'information (ANI)",
            "l'Agence nationale d'information (ANI)",
        ),
        (
            "l'Agence nationale d'information (ANI, officielle)",
            "Agence nationale d'information (ANI)",
            "l'Agence nationale d'information (ANI, officielle)",
        ),
        ("le ministère", "ministère", "ministère"),  # a shortened name, not a name of its own
        ("l'AFP", "AFP", "AFP"),  # a known agency keeps its own name
        ("de source militaire", "source militaire", "source militaire"),
        ("un élu local :", "élu local", "un élu local"),  # the colon that opens the words quoted
    ],
)
def test_a_source_keeps_the_determiner_it_was_written_with(phrase: str, name: str, written: str) -> None:
    assert written_form(phrase, name) == written


def test_a_pronoun_after_its_verb_is_the_speaker_last_named(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le colonel Ibrahima Sow a déclaré à l'AFP que la position avait été attaquée. « Nous avons perdu deux "
        "hommes », a-t-il précisé, attribuant l'attaque au groupe rebelle FPRC."
    )
    sources = _sources(analyzer, text)
    assert sources.count("Ibrahima Sow") + sources.count("colonel Ibrahima Sow") >= 2  # « -il » is the colonel
    assert not any("FPRC" in s for s in sources)  # the one blamed is no medium spoken to


@pytest.mark.parametrize(
    ("text", "source", "not_a_source"),
    [
        # a place described between commas before the incise, the medium before the speaker
        (
            "Des hommes armés ont tué trois bergers à Kouakourou, une localité du cercle de Djenné située sur le "
            "Bani, a indiqué à l'AFP un élu local.",
            "élu local",
            "localité du cercle de Djenné située sur le Bani",
        ),
        # who gave a count after « par », not the medium it was given to
        (
            "Quinze civils ont été tués, selon un nouveau bilan communiqué mardi à Radio Ndeke Luka par le maire de "
            "Bria.",
            "maire de Bria",
            "nouveau bilan",
        ),
        # days before the speaker are no speaker
        ("Des bandits ont enlevé vingt passagers, ont indiqué lundi et mardi la police et un élu.", "police", "lundi"),
        # the means of an interview is no medium
        (
            "Selon des rescapés interrogés par téléphone par Amnesty International, le village a été rasé.",
            "Amnesty International",
            "téléphone",
        ),
    ],
)
def test_who_speaks_around_a_medium_and_a_count(analyzer, text: str, source: str, not_a_source: str) -> None:  # type: ignore[no-untyped-def]
    sources = _sources(analyzer, text)
    assert any(source in s for s in sources), sources
    assert not any(not_a_source in s for s in sources), sources


@pytest.mark.parametrize(
    ("text", "sources", "not_a_source"),
    [
        # a count owned by one body and relayed by an agency: both
        (
            "Trois personnes ont été tuées lundi à Saïda, au Liban, selon un bilan du ministère de la Santé relayé "
            "par l'ANI.",
            ["ministère de la Santé", "ANI"],
            "par l'ANI",
        ),
        # « cité par »: the one after « par », without it
        (
            "Deux civils ont été tués lundi à Saïda, au Liban, selon le ministère de la Santé, cité par l'ANI.",
            ["ministère de la Santé", "ANI"],
            "par l'ANI",
        ),
        # a bulletin published by a ministry is the ministry's word; « qui cite » introduces it
        (
            "Les soldats ont tué dix assaillants près de Téra, rapporte l'ANP, qui cite le bulletin hebdomadaire "
            "publié samedi par le ministère de la Défense.",
            ["ANP", "ministère de la Défense"],
            "bulletin hebdomadaire",
        ),
        # accounts gathered by a radio are the accounts, not the radio's word
        (
            "Deux civils ont été tués à Bria, selon plusieurs témoignages recueillis par RNL.",
            ["plusieurs témoignages"],
            "ministère",
        ),
        # what a crowd gathered to denounce is no one's statement
        (
            "À Niamey, des centaines de personnes se sont rassemblées samedi pour « soutenir l'armée » et dénoncer "
            "« les sponsors du terrorisme ».",
            [],
            "armée",
        ),
    ],
)
def test_fortieth_session_constructions_name_their_sources(  # type: ignore[no-untyped-def]
    analyzer, text: str, sources: list[str], not_a_source: str
) -> None:
    found = _sources(analyzer, text)
    assert all(any(source in s for s in found) for source in sources), found
    assert not any(not_a_source in s for s in found), found


def test_a_document_named_again_points_back_to_its_author(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = _sources(
        analyzer,
        "Les soldats ont repoussé une attaque, selon le bulletin publié samedi par le ministère de la Défense. Selon "
        "ce document, six militaires ont été tués près de Téra.",
    )
    assert found.count("ministère de la Défense") == 2, found
