"""The ``temoin_attribution`` component: who the article says a claim comes from, and how sure it is.

Sources: "selon X", "d'après X", "citant X", the subject of a reporting verb ("X a annoncé", "a annoncé X", "a
déclaré X dans un tweet"), the medium a statement was made to ("a déclaré à l'AFP"), who a report or a video is by
("un rapport de la CNUCED"), unnamed sources ("de sources sécuritaires"). Anaphora ("la source", "la même source",
"l'agence") and "le groupe a affirmé" point back to the last source or the last armed group. Writes
``doc.spans["temoin_sources"]`` (``kb_id_`` the normalised source name) and ``doc.spans["temoin_hedges"]``
(conditional mood, "probablement", "selon des informations non confirmées").

This module finds where a sentence attributes; ``stages/speakers.py`` finds who a reporting verb reports,
``stages/source_names.py`` which words name a source and the name it is shown by.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from temoin.resources import read_lines, word_pattern, word_set
from temoin.stages import doc_text, span_ents, span_text
from temoin.stages.actors import parent_of
from temoin.stages.dates import WEEKDAYS
from temoin.stages.source_names import (
    conjuncts,
    is_source_noun,
    medium_after,
    name_at,
    names_a_source,
    outermost,
    phrase_after,
    pointed_back,
    relay_participles,
    shown_name,
    trim_source,
    up_to_a_new_phrase,
    up_to_next_to,
    with_apposition,
)
from temoin.stages.sources import POSSESSIVES, acronym_definitions, full_names, names_a_medium
from temoin.stages.speakers import (
    OF_WORDS,
    headed_by_a_medium,
    inverted_subject,
    negated,
    passive_agent,
    reporting_phrases,
    speaker,
)
from temoin.stages.tolls import TOLL_NOUN

SELON = {"selon", "d'après", "citant", "cité", "cités"}


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(read_lines("lexicons/reporting_verbs.txt"))


def reports(verb: Token) -> bool:
    """A reporting verb, even where the lemmatiser leaves the inflected form ("estime" for estimer), or a verb of
    a reporting phrase with the words that make it one ("a mis en garde", "a appelé le gouvernement à")."""
    low = verb.lower_
    if nicknames(verb):
        return False
    guesses = {verb.lemma_.lower(), low + "r", low[:-3] + "er", low[:-1] + "er", low[:-2] + "er"}
    if guesses & reporting_verbs():
        return True
    phrases = [rest for lemma, rest in reporting_phrases() if lemma in guesses]
    if not phrases:
        return False
    after: list[str] = []
    for t in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 9)]:
        if t.is_punct or (t.pos_ == "VERB" and after):
            break
        after.append(t.text if t.text[:1].isupper() else t.lower_)  # « fait des morts dans cet État »: no « état »
    return any(in_order(rest, after) for rest in phrases)


def nicknames(verb: Token) -> bool:
    """« Mohamed Hamdane Daglo, dit « Hemedti » »: « dit » before a quoted name gives a nickname, says nothing."""
    if verb.lower_ not in word_set("lexicons/nickname_words.txt"):
        return False
    after = verb.doc[verb.i + 1 : verb.i + 3]
    return len(after) == 2 and after[0].text in {"«", '"', "“"} and after[1].text[:1].isupper()


def in_order(words: tuple[str, ...], tokens: list[str]) -> bool:
    it = iter(tokens)
    return all(any(w == t for t in it) for w in words)


def unconfirmed(phrase: Span) -> bool:
    """ "selon des informations non confirmées", "selon des rumeurs": a hedge, not a source."""
    named = any(t.pos_ == "PROPN" for t in phrase)
    return not named and phrase.root.lemma_.lower() in word_set("lexicons/hearsay_nouns.txt")


def told_to(verb: Token) -> Span | None:
    """The medium a statement was made to: "a déclaré à l'agence de presse AFP", "a dit à Reuters", "a déclaré
    un résident, Jean Paluku, à l'agence Télam"; a place ("a déclaré à Bamako") is not one."""
    doc = verb.doc
    if verb.lemma_.lower() in word_set("lexicons/ascription_verbs.txt"):
        return None  # « La police a attribué le rapt à l'OLA »: the one blamed, not a medium
    for token in doc[verb.i + 1 : min(verb.sent.end, verb.i + 12)]:
        if token.lower_ in {"que", "qu'", ":", '"', "«", "qui", "dont"} or token.pos_ == "VERB":
            return None  # "a indiqué l'armée, qui attribue l'attaque à l'ELN", « a-t-il déclaré, attribuant
            # l'attaque au groupe rebelle »: the one blamed is not the medium
        if token.lower_ in {"à", "au"} or (token.lower_ == "auprès" and token.i + 1 < verb.sent.end):
            token = token.nbor(1) if token.lower_ == "auprès" else token  # "a confié auprès de l'AFP"
            phrase = up_to_next_to(medium_after(token))
            if phrase is not None and names_a_medium(phrase):
                return phrase  # "a réagi à l'époque à l'agence AFP": the second "à" names the medium
    return None


def interviewed_by(token: Token) -> Span | None:
    """ "dans une interview accordée à CNN", "un entretien au journal Le Monde": the medium."""
    if token.lemma_.lower() not in word_set("lexicons/interview_nouns.txt"):
        return None
    for nxt in token.doc[token.i + 1 : min(token.sent.end, token.i + 4)]:
        if nxt.lower_ in {"à", "au", "avec"}:
            phrase = phrase_after(nxt, limit=8)
            return phrase if phrase is not None and names_a_medium(phrase) else None
    return None


def relayed_by(participle: Token) -> Span | None:
    """ "des sources locales jointes par RFI", "un communiqué lu à la télévision publique RTB": the medium."""
    forms = {participle.lemma_.lower(), participle.lower_}
    if forms.isdisjoint(relay_lemmas()):
        return None
    for preposition in participle.doc[participle.i + 1 : min(participle.sent.end, participle.i + 5)]:
        if preposition.is_punct:
            return None
        if any((form, preposition.lower_) in relay_participles() for form in forms):  # « lu lundi soir à la télé »
            phrase = up_to_next_to(medium_after(preposition))
            return medium_before_the_author(phrase) if phrase is not None else None
    return None


def medium_before_the_author(phrase: Span) -> Span | None:
    """« à ActuNiger par le maire »: the medium, then who gave it; « par téléphone par Human Rights Watch »: the
    medium after the means."""
    by = next((t.i for t in phrase[1:] if t.lower_ == "par"), None)
    parts = [phrase] if by is None else [phrase.doc[phrase.start : by], phrase.doc[by + 1 : phrase.end]]
    return next((part for part in parts if len(part) and names_a_medium(part)), None)


@cache
def relay_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in relay_participles())


def publication_nouns() -> frozenset[str]:
    return word_set("lexicons/publication_nouns.txt")


DAY_WORDS = {*WEEKDAYS, "hier"}  # « communiqué dimanche par l'administrateur »


def publication_authors(noun: Token) -> list[Span]:
    """Who a report, a statement or a video is by: "un rapport de la CNUCED", "les allégations de Human Rights
    Watch", "l'analyse par la BBC des données de l'Acled", "une vidéo postée sur Twitter par The New Times", "un
    livre écrit par les experts A et B". A name, never a place ("la déclaration d'Abuja")."""
    doc = noun.doc
    out = []
    for case in doc[noun.i + 1 : min(noun.sent.end, noun.i + 4)]:
        if case.lower_ in {"de", "du", "des", "d'", "par"}:
            author = name_at(next_word(case))
            statement = noun.lemma_.lower() in word_set("lexicons/statement_nouns.txt")
            body = statement and is_source_noun(next_word(case))  # « un communiqué du ministère de la Défense »
            phrase = phrase_after(case) if author is None and (case.lower_ == "par" or body) else None
            told = phrase is not None and (names_a_medium(phrase) or names_a_source(phrase))
            out.extend([author] if author is not None else [phrase] if phrase is not None and told else [])
            break  # « Le premier bilan, communiqué dimanche par l'administrateur du territoire »
        if case.pos_ != "DET" and case.lower_ not in DAY_WORDS:
            break
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        by = next((t for t in participle.subtree if t.lower_ == "par" and t.i > participle.i), None)
        phrase = phrase_after(by) if by is not None else None
        if by is not None and phrase is not None:  # "écrit par les journalistes A et B": the people named
            named = [n for n in [name_at(doc[e.start]) for e in span_ents(phrase)] or [name_at(next_word(by))] if n]
            told = names_a_medium(phrase) or names_a_source(phrase)  # "par la radio Kivu Lumière", « communiqué
            out.extend(named or (with_apposition(phrase, phrase) if told else []))  # dimanche par l'administrateur
            # du territoire », « diffusé par son agence de propagande, Amaq, »
    return out


def next_word(token: Token) -> Token:
    """The word after a preposition, past a determiner ("de la CNUCED")."""
    doc = token.doc
    i = token.i + 1
    while i < token.sent.end - 1 and doc[i].pos_ == "DET":
        i += 1
    return doc[min(i, len(doc) - 1)]


class AttributionFinder:
    """The ``temoin_attribution`` component: each sentence's sources, named, then the article's hedges."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        sources: list[Span] = []
        last = ""
        last_group = ""
        armed_groups = named_armed_groups(doc)
        named = [a for a in doc.spans.get("temoin_actors", []) if a.kb_id_.startswith("named:")]
        acronyms = acronym_definitions(doc)
        people = full_names(doc)
        for sent in doc.sents:
            found = outermost(sentence_sources(sent))
            speaker_here = False
            for cut in found + unnamed_sources(sent, found):
                span = with_the_whole_name(cut, named)
                name = pointed_back(span, named) or shown_name(span, last, last_group, acronyms, people)
                if name:
                    sources.append(Span(doc, span.start, span.end, label="SOURCE", kb_id=name))
                    medium = spoken_to(span)
                    if not (medium and speaker_here):  # « a indiqué à Radio Okapi l'administrateur »: « il »
                        last = name  # is the administrator, not the radio
                    speaker_here = speaker_here or not medium
            groups = [a for a in armed_groups if sent.start <= a.start < sent.end]
            own = [g for g in groups if not parent_of(g)]  # « Le JNIM, lié à al-Qaïda, livre une autre version »: the
            if own:  # group, not its parent
                last_group = with_its_acronym(own[-1])
        doc.spans["temoin_sources"] = sources
        doc.spans["temoin_hedges"] = hedges(doc)
        return doc


def with_the_whole_name(span: Span, named: list[Span]) -> Span:
    """A source cut inside an actor's name (« l'islam et aux musulmans (JNIM » of « par le Groupe de soutien à
    l'islam et aux musulmans (JNIM) », the parser hanging the group on a day) starts where the name starts."""
    name = next((a for a in named if a.start < span.start < a.end), None)
    return span.doc[name.start : max(span.end, name.end)] if name is not None else span


def spoken_to(span: Span) -> bool:
    """« à Radio Okapi », « à l'AFP »: the medium a speaker told, not the speaker."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in {"à", "au", "aux"} and names_a_medium(span)


def named_armed_groups(doc: Doc) -> list[Span]:
    """The rebel and other armed groups the article names: what "le groupe a affirmé" points back to."""
    return [
        a for a in doc.spans.get("temoin_actors", []) if a.label_ in {"REB", "UAF"} and a.kb_id_.startswith("named:")
    ]


SOURCE_POS = {"NOUN", "VERB", "ADJ", "AUX"}  # the parts of speech the tests of ``sentence_sources`` read


def sentence_sources(sent: Span) -> list[Span]:
    """The sources a sentence gives, in order: after "selon", the medium of an interview, the authors of a report,
    the speaker of a reporting verb and the medium spoken to."""
    found = []
    for token in sent:
        if token.pos_ not in SOURCE_POS and token.lower_ not in SOURCE_CUE_WORDS:
            continue  # most tokens: no test below can hold for them
        if (
            introduces_a_source(token)
            and token.i + 1 < sent.end
            and token.nbor(1).lower_ not in {"lesquels", "lesquelles", "lequel", "laquelle"}
        ):
            found.extend(selon_sources(token))
        elif (medium := medium_of(token)) is not None:
            found.extend(with_apposition(medium, medium))  # « diffusé par son agence de propagande, Amaq, »
        elif token.pos_ == "NOUN" and token.lemma_.lower() in publication_nouns():
            found.extend(publication_authors(token))
        elif (blamer := ascribed_by(token)) is not None:
            found.append(blamer)  # « une attaque attribuée par la police à des éleveurs »
        elif speaks(token):
            found.extend(speech_sources(token))  # « La police a attribué le rapt à l'OLA »
    return found


AGENT_ENDS = {"comme", ",", "qui", "que", "qu'", "dont"}  # « confirmée par l'armée congolaise qui accuse ... »


def ascribed_by(token: Token) -> Span | None:
    """ "lors d'une attaque attribuée par la police à des éleveurs armés": who ascribes the act tells of it; so does
    who vouches for or against it (« une version contestée par les Wazalendo », ``lexicons/vouching_verbs.txt``)."""
    verbs = word_set("lexicons/ascription_verbs.txt") | word_set("lexicons/vouching_verbs.txt")
    if token.pos_ not in {"VERB", "ADJ"} or token.lemma_.lower() not in verbs:
        return None
    agent = up_to_next_to(passive_agent(token))  # « par des habitants à l'armée »: the residents
    if agent is not None and (like := next((t.i for t in agent[1:] if t.lower_ in AGENT_ENDS), None)) is not None:
        agent = agent.doc[agent.start : like]  # « présentés par des témoins comme des éléments de la CPC », « par les
        # rebelles, qui disent avoir pris deux villages »
    return agent if agent is not None and names_a_source(agent) else None


def medium_of(token: Token) -> Span | None:
    """The medium an interview noun or a relaying participle names, or the channel a claim went through."""
    pos = token.pos_
    medium = interviewed_by(token) if pos == "NOUN" else None
    return medium or (relayed_by(token) if pos in {"VERB", "ADJ", "NOUN"} else None) or through_its_channel(token)


THROUGH = {("par", "le", "biais"), ("par", "l'", "intermédiaire")}
CHANNEL_WORDS = {"via", "sur"} | {words[-1] for words in THROUGH}
SOURCE_CUE_WORDS = SELON | {"après", "fait"} | CHANNEL_WORDS  # words the tests read whatever their part of speech


def through_its_channel(token: Token) -> Span | None:
    """« a revendiqué l'attaque par le biais de son agence Amaq », « via son organe de propagande », « sur sa radio
    Andalus »: the channel, when it is a medium."""
    doc = token.doc
    of: Token | None
    if token.lower_ not in CHANNEL_WORDS:
        return None
    if token.lower_ == "via" or (
        token.lower_ == "sur" and token.i + 1 < token.sent.end and doc[token.i + 1].lower_ in POSSESSIVES
    ):
        of = token  # « a revendiqué l'attaque sur sa radio Andalus »
    elif token.i >= 2 and tuple(t.lower_ for t in doc[token.i - 2 : token.i + 1]) in THROUGH:
        of = doc[token.i + 1] if token.i + 1 < token.sent.end and doc[token.i + 1].lower_ in {"de", "d'"} else None
    else:
        return None
    phrase = phrase_after(of) if of is not None else None
    return phrase if phrase is not None and (names_a_medium(phrase) or headed_by_a_medium(phrase)) else None


def speaks(token: Token) -> bool:
    """A verb of speech, « a fait savoir », or a verb that reports only in an incise; not one that says nothing
    (« L'armée n'a pas commenté »)."""
    pos = token.pos_
    if pos in {"VERB", "AUX"} and reports(token):
        return not describes_a_count(token) and not negated(token) and not an_aim(token)
    return (fait_savoir(token) or (pos == "VERB" and reports_in_an_incise(token))) and not negated(token)


def an_aim(verb: Token) -> bool:
    """« rassemblés pour « soutenir l'armée » et dénoncer « les sponsors du terrorisme » »: what the crowd meant to
    say, no one's statement."""
    if "Inf" not in verb.morph.get("VerbForm", []):
        return False
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.dep_ == "mark" and c.lower_ in {"pour", "afin"} for h in heads for c in h.children)


def describes_a_count(token: Token) -> bool:
    """« un nouveau bilan communiqué ce lundi à ActuNiger par le maire »: the participle describes the count; who
    gave it follows « par » (``counted_by``), the medium after « à » is no speaker."""
    participle = "Part" in token.morph.get("VerbForm", []) and token.head.i < token.i  # « acl » or « nmod »
    unaided = not any(c.dep_.startswith("aux") for c in token.children)
    return participle and unaided and TOLL_COUNT.fullmatch(token.head.lower_) is not None


def reports_in_an_incise(verb: Token) -> bool:
    """ "..., tuant un commerçant, poursuit le communiqué": a verb that reports only with its subject after it."""
    if verb.lemma_.lower() not in word_set("lexicons/incise_verbs.txt"):
        return False
    subject = inverted_subject(verb)
    return subject is not None and names_a_source(subject)


def fait_savoir(token: Token) -> bool:
    """ "L'armée a, de son côté, fait savoir que", "a fait état de": the parser often reads « fait » as a noun."""
    if token.lower_ != "fait" or token.pos_ in {"VERB", "AUX"} or token.i + 1 >= token.sent.end:
        return False
    window = token.doc[max(token.sent.start, token.i - 8) : token.i]
    has_aux = any(t.lower_ in {"a", "ont", "avait", "avaient"} for t in window)
    phrases = {rest[0] for lemma, rest in reporting_phrases() if lemma == "faire"}  # lexicons/reporting_phrases.txt
    return token.nbor(1).lower_ in phrases and has_aux


def introduces_a_source(token: Token) -> bool:
    """ "selon", "citant", and "d'après", which the tokenizer splits into "d'" and "après"."""
    low = token.lower_
    if low in {"cité", "cités"}:
        after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        return after == "par" or token.pos_ != "NOUN"  # "cité par l'AFP", not « la cité frontalière »
    if low in SELON:
        return True
    if low in {"cite", "citent"}:
        return token.i > 0 and token.nbor(-1).lower_ == "qui"  # « rapporte l'ANP, qui cite le bulletin du ministère »
    return low == "après" and token.i > 0 and token.nbor(-1).lower_ in {"d'", "d’"}


def with_its_acronym(group: Span) -> str:
    """« le Groupe de soutien à l'islam et aux musulmans (JNIM) »: the name with the acronym that follows it."""
    doc = group.doc
    after = doc[group.end : min(group.end + 3, len(doc))]
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
        return f"{group.text} ({after[1].text})"
    return group.text


def selon_sources(selon: Token) -> list[Span]:
    """The source after "selon" with the names in apposition to it; none for hearsay ("selon des rumeurs")."""
    by = selon.nbor(1) if selon.lower_ in {"cité", "cités"} and selon.nbor(1).lower_ == "par" else None
    phrase = phrase_after(by or selon)  # « cité par l'ANI »: the ANI
    if phrase is None:
        return []
    phrase = up_to_a_new_phrase(phrase, {"DET"}, partitive=False)
    if phrase.root.lemma_.lower() in word_set("lexicons/wording_nouns.txt"):
        return []  # « JNIM selon l'acronyme arabe »: a wording, not a source
    if unconfirmed(phrase):
        return carriers_of(phrase)
    count = TOLL_COUNT.fullmatch(phrase.root.lower_) is not None
    published = not count and phrase.root.lemma_.lower() in publication_nouns()  # « le bulletin publié par »
    if (count or published) and (author := counted_by(phrase, by_only=published)) is not None:
        owner = owner_of(phrase)  # « selon un bilan du ministère de la Santé relayé par l'ANI »: both
        return [owner, author] if owner is not None and owner.end <= author.start else [author]
    parts = conjuncts(phrase)  # "selon la police et des habitants": two sources
    if len(parts) > 1 and all(p[0].pos_ == "DET" or p[0].lower_ == "des" for p in parts[1:]):
        return [found for part in parts for found in with_apposition(part, part)]
    return with_apposition(phrase, phrase)


TOLL_COUNT = re.compile(r"bilan|décompte", re.I)


def counted_by(count: Span, by_only: bool = False) -> Span | None:
    """Who gave a count, after « par » in the clause that follows it: « un nouveau bilan communiqué jeudi au
    Nouvelliste par un élu local », or whose it is (« un bilan révisé du ministère »), unless ``by_only``."""
    doc = count.doc
    start = count.root.i + 1
    if start < count.sent.end and doc[start].text == ",":
        start += 1  # « Un premier bilan, communiqué vendredi à Radio Okapi par la société civile locale, ... »
    for by in doc[start : min(count.root.i + 12, count.sent.end - 1)]:
        if by.is_punct:
            return None
        if by.lower_ == "par" and (not by_only or authored(doc[start : by.i])):
            return phrase_after(by, limit=14)  # « par le Centre de médecine d'urgence et de soutien »
        if (
            not by_only
            and by.lower_ in OF_WORDS
            and by.i > start
            and all(t.pos_ in {"ADJ", "VERB"} for t in doc[start : by.i])
        ):
            owner = phrase_after(by, limit=14)  # « selon un bilan révisé du ministère de la Santé »
            if owner is not None and names_a_source(owner):
                return owner
    return None


def authored(words: Span) -> bool:
    """« publié samedi », « diffusé lundi soir »: the words before « par » say it wrote or made the statement public."""
    return any(t.lemma_.lower() in word_set("lexicons/authoring_verbs.txt") for t in words)


def toll_authors(count: Span) -> list[Span]:
    """Who gave the count a sentence reports by its subject, and to whom: the one after « par » and the medium after
    « à » (« Un premier bilan, communiqué à Radio Okapi par la société civile locale, faisait état de sept morts »),
    else its owner (« Un premier bilan de la police »: the police), else no one."""
    author = counted_by(count)
    if author is not None:
        told = [t for t in count.doc[count.root.i + 1 : author.start] if t.lower_ in {"à", "au"}]
        medium = phrase_after(told[0], limit=author.start - told[0].i - 2) if told else None
        named = with_apposition(author, author)  # « par le maire de la capitale, Vitali Klitschko, »
        return named + ([medium] if medium is not None and medium[0].pos_ == "PROPN" else [])
    owner = owner_of(count)
    return [owner] if owner is not None else []


def owner_of(count: Span) -> Span | None:
    """Whose count it is, right after the count word: « un premier bilan de la police »: the police."""
    after = count.root.i + 1
    if after >= count.end or count.doc[after].lower_ not in OF_WORDS:
        return None
    owner = phrase_after(count.doc[after], limit=8)
    return owner if owner is not None and names_a_source(owner) else None


def carriers_of(hearsay: Span) -> list[Span]:
    """Who spread the hearsay: « selon des informations non confirmées relayées par des militants locaux »."""
    doc = hearsay.doc
    for by in doc[hearsay.end : min(hearsay.end + 4, hearsay.sent.end - 1)]:
        if by.is_punct:
            return []
        if by.lower_ == "par" and by.nbor(-1).pos_ in {"VERB", "ADJ"}:
            carrier = phrase_after(by, limit=8)
            return [carrier] if carrier is not None else []
    return []


def a_bare_toll(phrase: Span) -> bool:
    """« Un premier bilan », with no one's name after it (not « le premier bilan de l'armée »)."""
    after = phrase.doc[phrase.root.i + 1 : phrase.end]
    return TOLL_NOUN.fullmatch(phrase.root.lower_) is not None and not any(t.lower_ in OF_OR_BY for t in after)


OF_OR_BY = OF_WORDS | {"d’", "par"}


def speech_sources(verb: Token) -> list[Span]:
    """Who a reporting verb reports, with the names in apposition, then the medium told. Any noun phrase in an
    incise after the verb is a source, known noun or not ("..., a indiqué leur employeur")."""
    found = []
    subject = speaker(verb)
    inverted = subject is not None and subject.start > verb.i
    if subject is not None and a_bare_toll(subject):
        subject = None  # « Un premier bilan faisait état de dix-huit corps »: the toll, not who gave it
    elif subject is not None and TOLL_COUNT.fullmatch(subject.root.lower_):
        found.extend(toll_authors(subject))  # « Un premier bilan de la police faisait état de cinq morts »
        subject = None
    if subject is not None and (names_a_source(subject) or (inverted and subject[0].pos_ == "DET")):
        found.extend(with_apposition(subject, trim_source(subject)))
    medium = told_to(verb)
    if medium is not None:
        found.append(medium)
    informant = learnt_from(verb)
    if informant is not None:
        found = [before(f, informant) for f in found]  # "a appris Xinhua auprès d'une source": two sources
        found.append(informant)
    return found


def learnt_from(verb: Token) -> Span | None:
    """ "a appris Xinhua mardi auprès d'un responsable local", "a appris Ukrinform d'une source": whom the medium
    learnt it from."""
    if verb.lemma_.lower() != "apprendre":
        return None
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.sent.end - 1, verb.i + 8)]:
        if token.is_punct:
            return None
        if token.lower_ not in OF_WORDS or token.i == verb.i + 1:
            continue
        phrase = phrase_after(token, limit=8)
        if phrase is None or not names_a_source(phrase):
            continue
        if token.nbor(-1).lower_ == "auprès" or (token.nbor(-1).pos_ == "PROPN" and opens_a_source(phrase)):
            return phrase
    return None


def opens_a_source(phrase: Span) -> bool:
    """ "d'une source", "de sources sécuritaires"; not the rest of a name (« l'Agence d'information du Burkina »)."""
    return phrase[0].pos_ == "DET" or is_source_noun(phrase[0])


def before(found: Span, informant: Span) -> Span:
    """The medium's name without the informant its phrase ran on to (« Xinhua auprès d'une source »)."""
    if not found.start < informant.start <= found.end:
        return found
    cut = informant.start - 1
    cut -= found.doc[cut - 1].lower_ == "auprès"
    return found.doc[found.start : max(cut, found.start + 1)]


UNNAMED_SOURCE = re.compile(
    r"\bsources? (?:sécuritaires?|locales?|militaires?|humanitaires?|médicales?|hospitalières?|diplomatiques?|"
    r"officielles?|policières?|administratives?|judiciaires?|concordantes?|proches? d[eu'] ?\w+)",
    re.I,
)


def unnamed_sources(sent: Span, found: list[Span]) -> list[Span]:
    """ "de sources sécuritaires", "une source locale": sources wherever they stand in the sentence."""
    out = []
    for m in UNNAMED_SOURCE.finditer(span_text(sent)):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and not any(s.start <= span.start < s.end and not told_by(s, span) for s in found):
            out.append(span)
    return out


def told_by(found: Span, unnamed: Span) -> bool:
    """ "a appris RFI de sources sécuritaires": the medium and, after its « de », the sources it learnt from."""
    return unnamed.start - found.start >= 2 and found.doc[unnamed.start - 1].lower_ in {"de", "d'", "d’"}


def hedge_words() -> re.Pattern[str]:
    return word_pattern("lexicons/hedge_words.txt")


@cache
def doubt_adjectives() -> frozenset[str]:
    return frozenset(read_lines("lexicons/doubt_adjectives.txt"))


def doubts_an_event(token: Token, triggers: list[Span]) -> bool:
    """ "le massacre présumé", "l'attaque supposée": a doubting adjective next to an event noun."""
    if token.lower_ not in doubt_adjectives():
        return False
    return any(t.start - 1 <= token.i <= t.end for t in triggers)


def future_in_the_past(token: Token) -> bool:
    """ "a indiqué un porte-parole, précisant qu'ils seraient chargés de sécuriser la route": a conditional present
    in a « que » clause of a reporting verb tells what was to come, it doubts nothing (« a affirmé que dix soldats
    auraient été tués », a past conditional, still hedges)."""
    if token.dep_ == "aux:tense":
        return False
    clause = token.head if token.dep_ in {"cop", "aux:pass", "aux"} else token
    opens_with_que = any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in clause.children)
    return opens_with_que and clause.head.lemma_.lower() in reporting_verbs()


def hedges(doc: Doc) -> list[Span]:
    spans = []
    triggers = list(doc.spans.get("temoin_triggers", []))
    for m in hedge_words().finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="HEDGE", alignment_mode="expand")
        if span is not None and not (len(span) == 1 and future_in_the_past(span[0])):
            spans.append(span)
    for token in doc:
        if doubts_an_event(token, triggers) or (
            token.pos_ in {"AUX", "VERB"}
            and "Cnd" in token.morph.get("Mood", [])
            and not any(s.start <= token.i < s.end for s in spans)
            and not future_in_the_past(token)
        ):
            spans.append(doc[token.i : token.i + 1])
    return [Span(doc, s.start, s.end, label="HEDGE") for s in sorted(spans, key=lambda s: s.start)]


@Language.factory(
    "temoin_attribution", assigns=["doc.spans"], requires=["token.dep", "token.lemma", "token.morph"], default_config={}
)
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp, name)
