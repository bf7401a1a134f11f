"""Who a reporting verb reports: its subject, the subject of an incise after it, its passive agent.

"X a annoncé", "..., a rapporté l'agence SANA", "a déclaré à l'AFP, Jean Mbala, ...", "est accusée par l'ONU",
"La délégation a rencontré le président et a annoncé que", "Aminata Sow, cheffe de mission de MSF, assure que".
The reporting verbs themselves are found by ``stages/attribution.py``; the words that name the speaker are cut
by ``stages/source_names.py``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from temoin.resources import read_lines, word_pattern, word_set
from temoin.stages import doc_ents
from temoin.stages.source_names import (
    PRONOUNS,
    TITLE_MAX_WORDS,
    bare_pronoun,
    circumstance_words,
    medium_after,
    names_a_source,
    opens_partitive,
    phrase_after,
    up_to_next_to,
)
from temoin.stages.sources import is_a_known_source, medium_nouns, names_a_medium


def speaker(verb: Token) -> Span | None:
    """Who a reporting verb reports: its subject before it ("Le porte-parole, Ned Price, estime cette semaine"),
    else the subject of an incise after it ("..., a rapporté l'agence SANA", "..., dit un expert, ..."), else the
    subject of the verb it is coordinated with ("La délégation a rencontré le président et a annoncé que"), else
    the name the parser hung it on ("Aminata Sow, cheffe de mission de MSF, assure que")."""
    if any(c.dep_ == "aux:pass" for c in verb.children):  # "la Russie est accusée": the accused is no source
        return passive_agent(verb)
    subjects = (c for c in verb.children if c.dep_.startswith(("nsubj", "expl")))  # « -il » the parser may take
    clitic = next((c for c in subjects if is_clitic_subject(c.lower_)), None)  # for an expletive
    if clitic is not None:  # « », a-t-il déclaré »: the one last named, as « il a déclaré »
        return verb.doc[clitic.i : clitic.i + 1]
    direct = subject_of(verb)
    direct = name_before_its_apposition(direct) or direct  # « le Réseau des médecins soudanais, une organisation
    # proche de l'armée, a accusé »: the parser's subject is the apposition
    if direct is not None and direct.text.lower() == "on" and (side := side_that_speaks(verb)) is not None:
        return side  # « Du côté de l'armée, on reconnaît la mort de cinq militaires »: the army
    if direct is not None and not past_the_days(direct):
        direct = None  # « ont indiqué lundi et mardi la police »: the parser's subject is a day
    if direct is not None and closes_a_quote(direct):
        direct = None  # « ... C'est toujours le même scénario », a déclaré ...: the words quoted, not who said them
    clause = direct is not None and (holds_a_clause(direct) or told_before_the_incise(direct, verb))
    if direct is not None and is_incise(verb) and (clause or apposed_subject(direct, verb)):
        direct = inverted_subject(verb) or direct  # "ce sont des drones qui ont frappé Soumy, a précisé la même
    if direct is not None and direct.end <= verb.i and (names_a_source(direct) or not is_incise(verb)):
        return direct
    return inverted_subject(verb) or direct or shared_subject(verb) or subject_left_of(verb) or root_noun_of(verb)


def name_before_its_apposition(subject: Span | None) -> Span | None:
    """The name set off before « , une organisation ... , »: the phrase from the comma before it, when it names
    someone with a capital."""
    if subject is None or subject[0].lower_ not in {"un", "une"} or subject.start < 2:
        return None
    doc = subject.doc
    if doc[subject.start - 1].text != "," or subject.end >= len(doc) or doc[subject.end].text != ",":
        return None  # set off by commas on both sides, not « Joint par Radio Okapi, un officier affirme »
    start = subject.start - 2
    while start > subject.sent.start and not doc[start - 1].is_punct:
        start -= 1
    name = doc[start : subject.start - 1]
    if start > subject.sent.start and doc[start - 1].text != ",":
        return None  # « des Unités de résistance de Sinjar (YBS), un groupe yézidi ... »: not a phrase of its own
    named = any(t.text[:1].isupper() for t in name[1:]) or (len(name) and name[0].pos_ == "PROPN")
    return name if named and name[0].pos_ in {"DET", "PROPN", "NOUN"} and len(name) < TITLE_MAX_WORDS else None


def side_that_speaks(verb: Token) -> Span | None:
    """The side a sentence opens by (``lexicons/side_phrases.txt``: « Du côté de l'armée, »), up to its comma."""
    sent = verb.sent
    opening = word_pattern("lexicons/side_phrases.txt").match(sent.text)
    if opening is None:
        return None
    start = next((t.i for t in sent if t.idx - sent.start_char >= opening.end()), None)
    comma = next((t.i for t in sent if t.text == "," and start is not None and t.i > start), None)
    if start is None or comma is None or comma >= verb.i or comma - start > 6:
        return None
    return verb.doc[start:comma]


def is_clitic_subject(word: str) -> bool:
    """The subject pronoun after its verb, as the tokenizer cuts it: « -il » in « a-t-il déclaré »."""
    return bare_pronoun(word) in PRONOUNS and word.startswith("-")


def root_noun_of(verb: Token) -> Span | None:
    """« Un responsable local, sous couvert d'anonymat, évoque pour sa part sept militaires tués »: a finite verb the
    parser hung on the sentence's first noun, which it made the root; that noun phrase, up to its comma."""
    head = verb.head
    finite = "Fin" in verb.morph.get("VerbForm", [])
    if verb.dep_ != "acl" or not finite or head.dep_ != "ROOT" or head.pos_ != "NOUN" or head.i > verb.i:
        return None
    start = head.left_edge.i
    end = next((t.i for t in verb.doc[head.i : verb.i] if t.is_punct), head.i + 1)
    return verb.doc[start:end] if start == verb.sent.start else None


def closes_a_quote(phrase: Span) -> bool:
    """« C'est toujours le même scénario », cut from its opening mark by the sentence splitter."""
    marks = [t.text for t in phrase if t.text in {"«", "»"}]
    return bool(marks) and marks[0] == "»"


def apposed_subject(direct: Span, verb: Token) -> bool:
    """ "..., la Brigade 444, une unité rattachée au ministère, ..., a annoncé le Centre de médecine d'urgence": the
    parser's subject is an apposition inside the clause before the incise, and a source stands after the verb."""
    before = verb.doc[verb.sent.start : direct.start]
    continues = (
        direct[0].pos_ in {"DET", "PROPN", "NUM"} and not before[-1].is_punct if before else False
    )  # « ont frappé
    inside = before and (before[-1].text == "," or continues)  # ... la raffinerie de Saratov, ..., a confirmé
    # l'état-major », « ont attaqué Kharkiv avec des drones Shahed, tuant deux personnes, a annoncé le chef »
    if not inside or not any("Fin" in t.morph.get("VerbForm", []) for t in before):
        return False  # « ; les Brigades Al-Qods, ... ont revendiqué », « La semaine dernière, le ministre a qualifié »
    after = inverted_subject(verb)
    if after is None or after.start - after_the_medium(verb).i > 3:  # « a annoncé jeudi le Centre »: a date may
        # stand between; « a indiqué à l'AFP un élu local »: the medium too
        return False
    named = names_a_source(after) or any(t.pos_ == "NOUN" and t.is_title for t in after[1:2])  # « le Centre »
    ends = (
        after.end >= verb.sent.end
        or verb.doc[after.end].is_punct
        or verb.doc[after.end].lower_ in circumstance_words() | {"à", "au"}  # « une source militaire à SANA »
    )
    # « a confirmé l'état-major dans un communiqué », not « a appelé les Blancs à frapper »
    return named and ends and not any(t.is_punct for t in verb.doc[verb.i + 1 : after.start])


def holds_a_clause(subject: Span) -> bool:
    """A "subject" with a finite verb in it is the parser taking the whole clause before an incise."""
    finite = [t for t in subject if "Fin" in t.morph.get("VerbForm", [])]
    return any("acl:relcl" not in {t.dep_, t.head.dep_} for t in finite)  # not "Les autorités, qui imputent ..."


def told_before_the_incise(subject: Span, verb: Token) -> bool:
    """« Trois civils, dont un adolescent, ont péri dans le quartier de Nikitovka, a indiqué le maire »: the parser
    made the news a relative clause of the verb's subject; it ends at the incise's comma."""
    doc = verb.doc
    finite = any("Fin" in t.morph.get("VerbForm", []) for t in subject)
    if any(t.lower_ in {"qui", "que", "qu'"} for t in subject):
        return False  # « Les autorités locales, qui imputent l'attaque aux FSR, ont annoncé »: a true relative
    inverted = verb.i >= 2 and doc[verb.i - 1].pos_ == "AUX" and doc[verb.i - 2].text == ","  # « , a indiqué »
    return finite and inverted and subject.end == verb.i - 2


def passive_agent(verb: Token) -> Span | None:
    """The agent of a passive verb: "est accusée par l'ONU" -> l'ONU."""
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is None:  # « Le bilan a été porté à onze morts par un responsable »: parsed as another oblique
        agent = next((c for c in verb.children if c.dep_.startswith("obl") and by_par(c)), None)
    if agent is None:
        return None
    start = next(t.i for t in agent.subtree if t.dep_ != "case")  # "par l'ONU": l'ONU
    end = agent.right_edge.i + 1
    doc = verb.doc
    name = next((a for a in doc.spans.get("temoin_actors", []) if start <= a.start < end < a.end), None)
    if name is not None:  # « par le Tehreek-e-Taliban Pakistan (TTP) », which the parser cut at its dashes
        bracket = [t.text for t in doc[name.end : name.end + 3]]
        end = name.end + 3 if len(bracket) == 3 and bracket[0] == "(" and bracket[2] == ")" else name.end
    return doc[start:end]


def by_par(phrase: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ == "par" for c in phrase.children)


def subject_of(verb: Token) -> Span | None:
    """The verb's subject, all of it ("L'agence d'information russe Sputnik" parsed as two subjects), or the
    subject of its auxiliary when an incise splits them ("La source a, de même, ajouté")."""
    found = direct_subject(verb)
    if found is None and verb.head.i == verb.i + 1:  # "a par ailleurs fait état": parsed with « état » as the head
        found = direct_subject(verb.head)
    if found is not None:
        return found
    for token in reversed(verb.doc[max(verb.sent.start, verb.i - 8) : verb.i]):
        if token.lower_ in {"a", "ont", "avait", "avaient"}:
            found = direct_subject(token)
            break
    if found is not None:
        return found
    for clause in verb.children:
        if (found := subject_of_apposition(clause)) is not None:
            return found
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in word_set("lexicons/leading_verbs.txt"):
        return direct_subject(verb.head)  # « Le porte-parole s'est contenté d'affirmer que »: who affirmed
    return None


def subject_of_apposition(clause: Token) -> Span | None:
    """ "Le JNIM, affilié à al-Qaïda, a revendiqué l'attaque": the parser made the group the subject of the
    participle set off by commas before the verb."""
    bare = "Part" in clause.morph.get("VerbForm", []) and not any(c.dep_.startswith("aux") for c in clause.children)
    if clause.dep_ != "advcl" or not bare or clause.i > clause.head.i:
        return None
    doc = clause.doc
    found = direct_subject(clause)
    if found is None or found.end > clause.i or doc[found.end].text != ",":
        return None
    between = doc[clause.right_edge.i + 1 : clause.head.i]  # « , affilié à al-Qaïda, a revendiqué »
    return found if len(between) and between[0].text == "," and all(t.pos_ == "AUX" for t in between[1:]) else None


def direct_subject(verb: Token) -> Span | None:
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubj:pass"}]
    stops = [t.i for t in verb.doc[verb.sent.start : verb.i] if t.text == ";"]
    if stops:  # « Un premier bilan ... ; lundi, son porte-parole a reconnu »: the subject of the verb's own clause
        subjects = [child for child in subjects if child.i > stops[-1]]
    if not subjects:
        return None
    left = min(t.i for child in subjects for t in child.subtree)
    right = max(t.i for child in subjects for t in child.subtree)
    doc = verb.doc
    while left < right and doc[left].is_punct:  # ", les Forces armées de la RDC (FARDC) affirment"
        left += 1
    head = min(subjects, key=lambda t: t.i)
    commas = [t.i for t in doc[left : head.i] if t.text == ","]
    fronted = opens_with_a_date(doc[left:right]) or opens_with_a_side(doc[left:right])
    if fronted and not commas:  # « Jeudi, la Croix-Rouge a fait état »: the parser took the day for the subject
        commas = [t.i for t in doc[left:right] if t.text == ","][:1]
    if commas and (doc[left].pos_ == "ADP" or fronted):
        left = commas[-1] + 1  # « Dans un communiqué lu mercredi soir à la télévision, l'état-major a affirmé »,
        # « Jeudi, la Croix-Rouge a fait état de 23 morts »: the fronted phrase the parser hung on the subject
    if doc[left].lower_ in {"et", "ou"}:  # "Des ONG locales et l'ambassadeur": the parser lost the first conjunct
        while left > verb.sent.start and doc[left - 1].pos_ in {"DET", "NOUN", "PROPN", "ADJ", "ADP"}:
            left -= 1
    return doc[left : right + 1]


def opens_with_a_side(phrase: Span) -> bool:
    """« Côté tchadien, l'état-major a annoncé »: the side the parser took for a second subject."""
    return word_pattern("lexicons/side_phrases.txt").match(phrase.text) is not None and "," in phrase.text


def negated(verb: Token) -> bool:
    """ "n'a pas commenté", "n'avait jamais été revendiquée", « n'a ni confirmé ni démenti »; not the « ne ... que » of
    « n'a appris qu'à 13 ans »."""
    words = {c.lower_ for c in verb.children}
    if bool(words & {"ne", "n'", "n’"}) and any(no_one(c) for c in verb.children if c.dep_.startswith("nsubj")):
        return True  # « Aucune des deux armées n'a communiqué sur cet incident »
    return bool(words & {"pas", "jamais", "rien", "guère", "ni"}) or ("plus" in words and bool(words & {"ne", "n'"}))


def no_one(subject: Token) -> bool:
    """« aucune des deux armées », « aucun responsable », « personne », « nul »."""
    first = next(iter(subject.subtree))
    return first.lower_ in word_set("lexicons/no_one_words.txt")  # not « la personne »


def opens_with_a_date(phrase: Span) -> bool:
    return any(d.start == phrase.start for d in phrase.doc.spans.get("temoin_dates", []))


@cache
def reporting_phrases() -> list[tuple[str, tuple[str, ...]]]:
    """(verb lemma, the words that follow it in order) from ``lexicons/reporting_phrases.txt``."""
    rows = [line.split() for line in read_lines("lexicons/reporting_phrases.txt")]
    return [(row[0], tuple(row[1:])) for row in rows if len(row) > 1]


def end_of_a_phrase(verb: Token) -> Token:
    """The last word of a reporting phrase that follows the verb word for word (« fait savoir », « rendu
    public »), else the verb itself; the parser often reads « fait » as a noun, so the stem is compared too."""
    doc, low = verb.doc, verb.lower_
    for lemma, rest in reporting_phrases():
        if verb.lemma_.lower() != lemma and low[:3] != lemma[:3]:
            continue
        end = verb.i + len(rest)
        words = doc[verb.i + 1 : end + 1]
        if end < verb.sent.end and [t.lower_ for t in words] == list(rest) and words[-1].pos_ != "ADP":
            return doc[end]  # not « a appelé à plusieurs reprises »: « à » asks for its object
    return verb


def inverted_subject(verb: Token) -> Span | None:
    """The source after an incise verb: "..., a rapporté l'agence SANA", "a déclaré la CSOJTF-L"."""
    if "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", []):
        return None  # "..., accusant les paramilitaires": a present participle's subject is the clause's
    if not is_incise(verb):
        return None
    verb = end_of_a_phrase(verb)  # « ..., a fait savoir le gouverneur de la ville »
    phrase = up_to_next_to(phrase_after(after_the_medium(verb), limit=16))  # "a indiqué une source à l'AFP"
    if phrase is not None:
        phrase = past_the_days(phrase)  # "a annoncé mardi le ministère": the ministry, not Tuesday; « a indiqué
        # samedi qu'un obus »: only a day
    if phrase is None or names_the_act(phrase) or phrase[0].lower_ in word_set("lexicons/universal_determiners.txt"):
        return None  # « ..., à laquelle appartient le 3R, a démenti toute perte dans ses rangs »: what was denied
    return phrase if phrase[0].pos_ in {"DET", "PROPN", "NOUN"} or opens_partitive(phrase) or one_of(phrase) else None


def one_of(phrase: Span) -> bool:
    """« a constaté un de nos correspondants »: one of them spoke (« l'une des rescapées » opens on its article)."""
    first = [t.lower_ for t in phrase[:2]]
    return len(first) == 2 and first[0] in {"un", "une"} and first[1] in {"de", "des", "d'"}


def past_the_days(phrase: Span) -> Span | None:
    """The phrase after the days that open it (« mardi le ministère », « lundi et mardi la police »); None when it
    is only days."""
    doc = phrase.doc
    days = {i for d in doc.spans.get("temoin_dates", []) for i in range(d.start, d.end)}
    start = phrase.start
    while start < phrase.end and (start in days or (doc[start].lower_ in {"et", ","} and start + 1 in days)):
        start += 1
    return doc[start : phrase.end] if start < phrase.end else None


def names_the_act(phrase: Span) -> bool:
    """ "a revendiqué l'attaque par le biais de son organe": the event itself, the verb's object."""
    first = next((t.i for t in phrase if t.pos_ != "DET"), phrase.start)
    return any(t.start == first for t in phrase.doc.spans.get("temoin_triggers", []))


def after_the_platform(verb: Token) -> Token:
    """ "a annoncé sur Telegram le chef de l'administration régionale", "a écrit sur son compte X le ministre":
    the speaker starts at the first determiner after the platform."""
    doc = verb.doc
    for token in doc[verb.i + 3 : min(verb.sent.end, verb.i + 6)]:
        if token.is_punct:
            break
        if token.pos_ == "DET":
            return doc[token.i - 1]
    return verb


def after_the_medium(verb: Token) -> Token:
    """Where an inverted subject starts: after "à l'AFP," in "..., a déclaré à l'AFP, Jean Mbala, un des
    responsables du port" (the medium, then the speaker), or after "à l'AFP" in "a déclaré à l'AFP un élu"."""
    doc = verb.doc
    if verb.i + 1 < verb.sent.end and doc[verb.i + 1].lower_ == "sur":
        return after_the_platform(verb)
    if (
        verb.i + 3 < verb.sent.end
        and doc[verb.i + 1].lower_ == "dans"
        and in_a_publication(doc[verb.i + 2 : verb.i + 4])
    ):
        return after_the_platform(verb)  # « a affirmé dans un communiqué le porte-parole de l'armée de l'air »
    if verb.i + 1 >= verb.sent.end or doc[verb.i + 1].lower_ not in {"à", "au", "aux"}:
        return verb
    medium = medium_after(doc[verb.i + 1])
    if medium is None or medium.end >= verb.sent.end:
        return verb
    new_phrase = doc[medium.end].pos_ in {"DET", "NUM"} or opens_partitive(doc[medium.end : medium.end + 2])
    new_phrase = new_phrase or (doc[medium.end].pos_ == "PROPN" and is_a_known_source(medium.text))  # « à l'AFP
    # Nasrullah Baloch, le président de l'association »
    if not (names_a_medium(medium) or headed_by_a_medium(medium) or (new_phrase and a_title(medium))):
        return verb
    if new_phrase:
        return doc[medium.end - 1]  # "a déclaré à l'AFP un responsable local": no comma, a new phrase
    if doc[medium.end].text != ",":
        return verb
    words = [t for t in medium if t.pos_ != "DET"]
    short = len(words) <= 2 or words[0].lemma_.lower() in medium_nouns()  # not "BBC Mundo Ana Ruiz," (two names)
    return doc[medium.end] if short else verb


def a_title(words: Span) -> bool:
    """A title of the press no list knows, « 24 Heures au Bénin », « Le Pays »: capitalised words and figures."""
    linking = {"au", "aux", "du", "de", "des", "d'", "la", "le", "les", "l'", "en", "et"}
    heads = [t for t in words if t.lower_ not in linking]
    if not heads or not (heads[0].like_num or heads[0].text[:1].isupper()):
        return False
    return all(t.like_num or t.text[:1].isupper() for t in heads)


def in_a_publication(words: Span) -> bool:
    """ "un communiqué", "une vidéo": where a statement was made (``lexicons/publication_nouns.txt``)."""
    return words[0].pos_ == "DET" and words[1].lemma_.lower() in word_set("lexicons/publication_nouns.txt")


def headed_by_a_medium(phrase: Span) -> bool:
    """ "à la radio locale", "à la télévision nationale": a medium with no name, still no speaker."""
    head = next((t for t in phrase if t.pos_ != "DET"), None)
    return head is not None and head.lemma_.lower() in medium_nouns()


def is_incise(verb: Token) -> bool:
    """ "..., dit un expert" : the verb (or its auxiliary) right after a comma or a quotation mark."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and i > verb.i - 4 and doc[i].lower_ in word_set("lexicons/incise_adverbs.txt"):
        i -= 1  # « a d'abord indiqué », « a ensuite précisé »
    if i == verb.i - 1 or (i >= verb.sent.start and doc[i].pos_ == "AUX"):
        while i >= verb.sent.start and (doc[i].pos_ == "AUX" or doc[i].lower_ in {"-t-il", "-t-elle"}):
            i -= 1
    if i > verb.sent.start and doc[i].lower_ in {"qu'", "qu’", "que"} and doc[i - 1].lower_ == "ce":
        return True  # « C'est ce qu'a annoncé sur Telegram le chef de l'administration militaire »
    if i - 2 >= verb.sent.start and doc[i - 1].lower_ in STRESSED_PRONOUNS and doc[i - 2].text == ",":
        return False  # « Le groupe jihadiste, lui, revendique la destruction de ... »: its subject came first
    return i >= verb.sent.start and doc[i].text in {",", "»", '"', "«"}


STRESSED_PRONOUNS = {"lui", "elle", "eux", "elles"}


def shared_subject(verb: Token) -> Span | None:
    """The subject of the verb a reporting verb is coordinated with ("X appelle à ... et indique que"), or the
    name a reporting verb with a "que" clause was parsed as modifying ("X, chef de mission, rassure que")."""
    head = verb.head
    active = any(c.dep_ == "nsubj" for c in head.children) and not any(c.dep_ == "nsubj:pass" for c in head.children)
    if verb.dep_ == "conj" and head.pos_ == "VERB" and active and head.i < verb.i and not subordinate(head):
        found = subject_of(head)
        finite = found is not None and any("Fin" in t.morph.get("VerbForm", []) for t in found)
        return found if found is not None and found.end <= head.i and not finite else None
    says_that = any(c.dep_ == "ccomp" for c in verb.children) or that_follows(verb)
    if verb.dep_ == "acl" and says_that and head.i < verb.i and (head.pos_ == "PROPN" or head.ent_type_ == "PER"):
        entity = next((e for e in doc_ents(verb.doc) if e.start <= head.i < e.end), None)
        start = entity.start if entity is not None else head.i
        end = entity.end if entity is not None else head.i + 1
        return verb.doc[start:end]
    return None


OF_WORDS = {"de", "d'", "du", "des"}
NAME_LINKS = OF_WORDS | {"au", "aux", "unies", "unis"}  # « la Force intérimaire des Nations unies au Liban »


def subject_left_of(verb: Token) -> Span | None:
    """A subject the parser did not attach: the noun phrase right before the verb ("... et les Nations unies (ONU)
    affirment que"), back to a conjunction, a comma or another verb."""
    doc = verb.doc
    end = its_auxiliary(verb)
    while end > verb.sent.start and (doc[end - 1].pos_ == "AUX" or doc[end - 1].lower_ in {"ne", "n'"}):
        end -= 1
    start = end
    while start > verb.sent.start:
        t = doc[start - 1]
        if t.pos_ in {"DET", "NOUN", "PROPN", "ADJ"} or t.text in {"(", ")", "-"} or t.lower_ in NAME_LINKS:
            start -= 1
        else:
            break
    while start < end and (doc[start].pos_ == "ADP" or doc[start].text in {")", "-"}):
        start += 1
    opens = start == verb.sent.start or doc[start - 1].lower_ in {"et", ","}  # ", l'État-major ... affirme que"
    says_that = any(c.dep_ == "ccomp" for c in verb.children) or that_follows(verb)
    if start == end or not (opens and says_that):
        return None
    if not any(t.ent_type_ in {"PER", "ORG"} for t in doc[start:end]) and not names_a_source(doc[start:end]):
        return None
    return doc[start:end]


def that_follows(verb: Token) -> bool:
    """ "a indiqué samedi qu'un obus était tombé": « que » right after the verb, or after its day."""
    dates = verb.doc.spans.get("temoin_dates", [])
    at = verb.i + 1
    day = next((d for d in dates if d.start == at), None)
    at = day.end if day is not None else at
    return at < verb.sent.end and verb.doc[at].lower_ in {"que", "qu'", "qu’"}


def its_auxiliary(verb: Token) -> int:
    """Where the verb's tense starts: its auxiliary across an adverb (« a en outre affirmé », « a de son côté
    assuré »), else the verb itself."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 7) - 1, -1):
        if doc[i].pos_ == "AUX":
            return i + 1 if i + 1 < verb.i else verb.i
        if (doc[i].is_punct and doc[i].text != ",") or doc[i].pos_ not in {"ADV", "ADP", "DET", "NOUN", "PUNCT"}:
            break  # « a, de son côté, indiqué »: an incise between commas
    return verb.i


def subordinate(verb: Token) -> bool:
    """A verb inside a clause that another verb governs ("a déclaré que ses forces avaient évacué ... et")."""
    return any(t.dep_ in {"ccomp", "advcl", "acl", "acl:relcl", "xcomp", "csubj"} for t in [verb, *verb.ancestors])
