"""What a sentence says about its event words: told as news or as background, hypothetical, referring back,
dated, claimed. Pure predicates over one sentence's annotations; the rules are in docs/coding-rules.md."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from temoin.coding.context import ArticleContext, Sentence
from temoin.coding.location import is_origin
from temoin.coding.roles import clause_verb
from temoin.resources import read_lines, read_tsv, word_alternation, word_pattern, word_set
from temoin.stages import doc_text
from temoin.stages.actors import support_verbs
from temoin.stages.attribution import reporting_verbs
from temoin.stages.dates import DateReading
from temoin.stages.triggers import event_kinds

COUNT_OVER_TIME = re.compile(
    r"\b(?:des|plusieurs) (?:centaines|milliers) (?:de|d') (?:frappes|attaques|raids|bombardements|tirs|violations)\b",
    re.I,
)  # "l'armée a mené des centaines de frappes dans le sud du pays": a count over a period, not an event
PLACE_APPOSITION = re.compile(
    r"^\s*(?:une |un |la |le |l'|cette |ce )?(?:ville|localité|région|zone|village|quartier|cité|secteur|axe)\b", re.I
)


def tells_a_habit(text: str, events_at: list[int] | None = None) -> bool:
    """A habit, not an event: « les jihadistes s'en prennent souvent aux convoyeurs »; not a place described in an
    apposition, « à Belgorod, ville russe frontalière régulièrement visée », or a relative clause in « où », unless
    every event word (``events_at``, offsets in ``text``) is in that clause too."""
    habits = [*word_pattern("lexicons/habit_words.txt").finditer(text), *COUNT_OVER_TIME.finditer(text)]
    for m in habits:
        segment = text[: m.start()].rsplit(",", 1)[-1]
        if segment.endswith("comme "):
            continue  # « affirme, comme chaque jour, avoir abattu 40 drones »: today's, as every day's
        if PLACE_APPOSITION.match(segment):
            continue
        if " où " not in segment:
            return True  # not « dans la zone où les commerçants se rassemblent habituellement »: a place described
        where = m.start() - len(segment) + segment.index(" où ")
        if events_at and all(at > where for at in events_at):
            return True  # « dans les zones ..., où elles mènent régulièrement des embuscades »: the habit told
    return False


DEFINITE = {
    "le",
    "la",
    "les",
    "l'",
    "ce",
    "cet",
    "cette",
    "ces",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "du",
    "au",
    "aux",
}


PRONOUNS = {"il", "elle", "ils", "elles", "celle-ci", "celui-ci", "ceux-ci", "celles-ci"}


_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"


YEAR = re.compile(
    rf"\b(?:en|depuis|dans les années|année|fin|début|mi-|courant) ?(?:(?:{_MONTHS}) )?((?:19|20)\d\d)\b", re.I
)


LEDE_SENTENCES = 2  # the first sentences of an article tell its news, with or without a place


CAUSATIVES = {"forcer", "contraindre", "obliger", "pousser", "amener"}


def is_referential(trigger: Span) -> bool:
    """A noun trigger after a definite or demonstrative determiner names an event already told; so does one that
    a comment verb takes as its object (« Le gouvernement a condamné jeudi « une attaque lâche et barbare » »)."""
    first = trigger[0]
    if first.pos_ not in {"NOUN", "PROPN"} or first.i == 0 or with_its_verb(trigger):
        return False
    if sets_it_off(trigger):
        return False
    if commented_on(trigger):
        return True
    i = first.i - 1
    adjectives = word_set("lexicons/prenominal_adjectives.txt")
    while i > max(first.i - 4, 0) and (first.doc[i].lower_ in adjectives or first.doc[i].text in {"«", '"'}):
        i -= 1  # « cette lâche attaque », « cette nouvelle attaque », « ce nouveau « massacre de la farine » »
    before = first.doc[i]
    if before.lower_ == "des":
        return of_a_noun(first) or (first.dep_ == "conj" and first.head.i < first.i and of_a_noun(first.head))
    return before.lower_ in DEFINITE


def commented_on(trigger: Span) -> bool:
    """The object of « condamner », « déplorer », « saluer » (``lexicons/judging_verbs.txt``)."""
    root = trigger.root
    verb = root.head
    return root.dep_ == "obj" and verb.pos_ == "VERB" and verb.lemma_.lower() in word_set("lexicons/judging_verbs.txt")


def during_the_one_told(trigger: Span) -> bool:
    """« tués lors des combats de Rann », « au cours du raid », « à l'issue des affrontements »: the event already
    told (« des », « du » are « de » and the definite article here)."""
    doc, i = trigger.doc, trigger.start
    return i >= 2 and doc[i - 1].lower_ in {"des", "du"} and doc[i - 2].lower_ in {"lors", "cours", "issue"}


def vouched_for(trigger: Span) -> bool:
    """« a confirmé l'attaque de Bokkos »: the event named is the object of a verb that confirms or denies it
    (``lexicons/confirming_verbs.txt``), an event already told."""
    root = trigger.root
    definite = any(c.dep_ == "det" and c.lower_ in {"l'", "la", "le", "les"} for c in root.children)
    verbs = word_set("lexicons/confirming_verbs.txt")
    return definite and root.dep_ == "obj" and root.head.lemma_.lower() in verbs


def sets_it_off(trigger: Span) -> bool:
    """« a déclenché sa ceinture d'explosifs », « a fait exploser sa charge », « ont procédé à l'arrestation »: the
    weapon set off or the act carried out, a new event."""
    root = trigger.root
    return (
        root.dep_ in {"obj", "obl:arg"}
        and root.head.pos_ == "VERB"
        and root.head.lemma_ in word_set("lexicons/carrying_out_verbs.txt")
    )


def with_its_verb(trigger: Span) -> bool:
    """« le vecteur aérien a pris en chasse les fuyards »: a trigger holding its own finite verb tells the event."""
    return any(t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm", []) for t in trigger[1:])


def of_a_noun(token: Token) -> bool:
    """ "les résultats des frappes", "l'effet des sanctions et des frappes": the events a noun speaks of."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ != "des" or doc[token.i - 2].pos_ != "NOUN":
        return False
    return not any(d.start <= token.i - 2 < d.end for d in doc.spans.get("temoin_dates", []))  # « a mené samedi des
    # frappes »: the day they were made


def is_protest(trigger: Span) -> bool:
    return event_kinds()[trigger.label_].family == "protest"


def in_future(trigger: Span) -> bool:
    """ "seront accueillis", "doit être déployée immédiatement": what is to happen, not what happened."""
    verb = clause_verb(trigger.root)
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any("Fut" in t.morph.get("Tense", []) for t in forms):
        return True
    modal = verb.head if verb.dep_ == "xcomp" else verb
    return modal.lower_ in word_set("lexicons/obliged_modals.txt") and any(c.dep_ == "xcomp" for c in modal.children)


def names_its_place(trigger: Span, sentence: Sentence) -> bool:
    """ "la chute de Kandahar", "la prise de Bunagana": an event noun with its place, not a reference back."""
    return any(place.label_ != "country" and names(trigger, place) for place in sentence.places)


def names(trigger: Span, place: Span) -> bool:
    """The place is the event noun's complement: "la chute de Kandahar", "la libération de la localité de X"."""
    gap = trigger.doc[trigger.end : place.start]
    if place.start < trigger.end or len(gap) > 4:
        return False
    kinds = {t.lower_ for t in gap if t.lower_ not in _OF_THE}
    return len(kinds) <= 1 and kinds <= settlement_words() and (not kinds or gap[-1].lower_ in {"de", "d'", "du"})


_OF_THE = {"de", "d'", "du", "la", "le", "l'", "les"}


@cache
def settlement_words() -> frozenset[str]:
    """The kinds of place an event noun may name before the name (« la prise de la ville de X »)."""
    rows = read_tsv("lexicons/place_cues.tsv")
    return frozenset(row["cue"] for row in rows if row["kind"] in {"settlement", "site"} and " " not in row["cue"])


def any_whatever(trigger: Span) -> bool:
    """The event noun after « toute », « aucune »: « toute « justice populaire » », « aucune attaque »."""
    before = [t for t in trigger.doc[max(trigger.start - 2, trigger.sent.start) : trigger.start] if not t.is_punct]
    return bool(before) and before[-1].lower_ in word_set("lexicons/universal_determiners.txt")


@cache
def wished_verbs() -> frozenset[str]:
    """Verbs whose object is not (yet) done: plans and fears, and calls (``plan_verbs.txt``, ``appeal_verbs.txt``)."""
    return word_set("lexicons/plan_verbs.txt") | word_set("lexicons/appeal_verbs.txt")


def is_hypothetical(trigger: Span) -> bool:
    """An infinitive ("pour tenter de prendre pour cible") reports no event, unless it is forced ("forcé à
    rebrousser chemin"); nor does what is denied ("a nié avoir utilisé des bombes")."""
    first = trigger[0]
    if any(t.lemma_.lower() in denial_verbs() for t in list(trigger.root.ancestors)[:3]):
        return True  # "Le Kremlin a nié avoir utilisé des bombes à fragmentation"
    if first.pos_ == "NOUN" and any_whatever(trigger):
        return True  # « a mis en garde contre toute « justice populaire » »: any such act, none told
    if first.pos_ == "NOUN":
        if purpose().search(first.doc[max(first.i - 6, 0) : first.i].text + " "):
            return True  # "masser des troupes en vue d'une attaque"
        head = trigger.root.head
        if head.i < first.i and head.pos_ == "VERB" and head.lemma_.lower() in wished_verbs():
            return True  # « la cellule préparait des attaques contre des lieux de culte »: a plot, foiled or not;
            # « ont appelé à faire de vendredi une « journée de colère » »: called for, not yet held
        if head.i < first.i and "Inf" in head.morph.get("VerbForm", []):
            first = head  # "n'a pas l'intention de lancer une attaque": the infinitive decides
        if trigger.root.dep_.startswith("nsubj") and head.lemma_.lower() in word_set("lexicons/scheduling_verbs.txt"):
            return True  # « Des rassemblements de soutien sont également prévus samedi »: not yet held
    participle = first.lower_.endswith(("é", "ée", "és", "ées"))  # « avait « nettoyé » la ville », tagged Inf
    if "Inf" not in first.morph.get("VerbForm", []) or trigger.label_ == "turned_back" or participle:
        return False
    if first.lower_ in {"avoir", "être"}:  # "a annoncé avoir pris la ville": done, and reported
        return False
    before = [t.lower_ for t in first.doc[max(first.i - 2, 0) : first.i]]
    if before == ["avoir", "fait"]:
        return False  # « a annoncé avoir fait exploser un engin explosif »: done, and reported
    if before in (["avant", "de"], ["avant", "d'"]):
        return False  # "ont rassemblé les habitants avant d'ouvrir le feu": the next thing they did
    if before[-1:] in (["de"], ["d'"]) and first.i >= 2 and first.doc[first.i - 2].lemma_.lower() == "venir":
        return False  # "Le Mali vient de connaître son deuxième coup d'État": the recent past
    done = {"Fin", "Part"} & set(first.head.morph.get("VerbForm", []))
    if trigger.label_ == "protest" and before[-1:] == ["pour"] and done and first.head.i < first.i:
        return False  # "ont érigé des barricades pour protester": what they did was the protest
    if any(t.lemma_.lower() in CAUSATIVES for t in list(first.ancestors)[:3]):
        return False
    return not tried(first)


def tried(verb: Token) -> bool:
    """« ont tenté de prendre d'assaut les positions »: an attempt made, told by a conjugated verb of trying
    (``lexicons/attempt_verbs.txt``); not « pour tenter de prendre pour cible »."""
    head = verb.head
    finite = "Inf" not in head.morph.get("VerbForm", [])
    return head.i < verb.i and finite and head.lemma_.lower() in word_set("lexicons/attempt_verbs.txt")


TIME_ANCHOR = re.compile(
    rf"\b(?:{word_alternation(read_lines('lexicons/time_anchor_words.txt'))})\s+(?:la|le|l'|les)\s*$", re.I
)


def is_time_anchor(trigger: Span) -> bool:
    """ "depuis le 15 août, date de la chute de Kaboul", "depuis la prise de Palma": an event named to date
    another, told as a time and not as news."""
    doc = trigger.doc
    return TIME_ANCHOR.search(doc[max(trigger.start - 4, 0) : trigger.start].text + " ") is not None


def told_as_what_came_before(trigger: Span) -> bool:
    """ "après des frappes aériennes", "à la suite de l'attaque", « en réponse aux « attaques terroristes » »: an event
    named as what led to the news (``lexicons/what_came_before.txt``)."""
    doc = trigger.doc
    words = [t.lower_ for t in doc[max(trigger.start - 5, 0) : trigger.start] if not t.is_quote]
    text = " ".join(words)
    return trigger[0].pos_ == "NOUN" and (
        (len(words) >= 2 and words[-2] == "après") or text.endswith(tuple(word_set("lexicons/what_came_before.txt")))
    )


def backs_the_attackers(trigger: Span) -> bool:
    """« Arrivés à moto et appuyés par des tirs de mortier, les assaillants ont été repoussés »: the fire the
    attackers were backed by is how they fought, not an event of its own (``lexicons/support_verbs.txt``)."""
    before = trigger.doc[max(trigger.start - 3, trigger.sent.start) : trigger.start]
    by = [t for t in before if t.lower_ == "par"]
    return bool(by) and by[-1].i > trigger.sent.start and by[-1].nbor(-1).lemma_.lower() in support_verbs()


def added_by_the_teller(trigger: Span, tellers: list[Span]) -> bool:
    """« selon le même communiqué, qui précise que des renforts aériens ont été dépêchés »: what a source adds in a
    relative clause after its name is a detail of the telling, not the sentence's news."""
    for teller in tellers:
        between = trigger.doc[teller.end : trigger.start]
        words = [t for t in between if not t.is_punct]
        if teller.end <= trigger.start and len(words) >= 3 and words[0].lower_ == "qui":
            told = words[1].lemma_.lower() in reporting_verbs() and words[2].lower_ in {"que", "qu'", "qu’"}
            if told and between[0].text == ",":
                return True
    return False


def of_a_past_year(trigger: Span) -> bool:
    """« l'accord de paix d'Alger de 2015 », « l'accord de paix revitalisé signé en 2018 »: an agreement the text
    dates to a year before the one it was published in is background."""
    published = trigger.doc._.published
    after = trigger.doc[trigger.end : min(trigger.end + 6, trigger.sent.end)].text
    year = re.search(r"\b(?:de|en|du) ((?:19|20)\d\d)\b", after)
    return trigger.label_ == "agreement" and year is not None and bool(published) and int(year[1]) < int(published[:4])


def names_a_practice(trigger: Span) -> bool:
    """« s'est dite préoccupée par l'usage de bombes incendiaires dans des zones habitées »: the weapon as a way of
    fighting (``lexicons/practice_nouns.txt``), no strike of its own."""
    head = trigger.root.head
    practices = word_set("lexicons/practice_nouns.txt")
    return head.i < trigger.start and head.pos_ == "NOUN" and head.lemma_.lower() in practices


def called_off(trigger: Span) -> bool:
    """« Une marche prévue vendredi à Lomé ... a été interdite »: the event stopped before it happened
    (``lexicons/calling_off_verbs.txt``)."""
    root, verbs = trigger.root, word_set("lexicons/calling_off_verbs.txt")
    told_of = root.dep_ in {"obj", "nsubj", "nsubj:pass"} or root.i < root.head.i
    stopped = root.head.lemma_.lower() in verbs and told_of
    if root.dep_ == "ROOT":  # the noun left at the root of a parse gone wrong: the verbs after it
        stopped = any(t.pos_ == "VERB" and t.lemma_.lower() in verbs for t in trigger.doc[root.i : root.sent.end])
    return trigger[0].pos_ == "NOUN" and stopped


def in_the_setting(trigger: Span) -> bool:
    """« Ces attaques interviennent alors que Kyiv a accepté la semaine dernière un cessez-le-feu »: the event word
    after a phrase of ``lexicons/setting_phrases.txt`` tells what the news came amid."""
    sentence = trigger.sent
    before = doc_text(trigger.doc)[sentence.start_char : trigger.start_char]
    return word_pattern("lexicons/setting_phrases.txt").search(before) is not None


def describes_the_people(trigger: Span) -> bool:
    """ "Douze personnes arrêtées pour terrorisme ont été retrouvées mortes": the arrest only says who they were
    (a participle on the noun of those the sentence is about), not the news."""
    root = trigger.root
    if root.lower_.endswith("ant"):
        return False  # « ont pris d'assaut le camp de Faraa, arrêtant neuf jeunes »: what they did, the news
    return trigger.label_ in {"arrest", "abduction"} and root.dep_ == "acl" and root.pos_ in {"VERB", "ADJ"}


@cache
def charged() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_alternation(read_lines('lexicons/charge_words.txt'))})\s*$", re.I)


@cache
def charged_of_a_deed() -> re.Pattern[str]:
    """A charge word, then the deed: « soupçonnées d'avoir participé au », « accusé d'avoir participé à des »
    (``lexicons/charge_words.txt``)."""
    words = word_alternation(read_lines("lexicons/charge_words.txt"))
    return re.compile(rf"\b(?:{words})\s*avoir\s+(?:\w+\s+){{1,2}}(?:au|à la|à l'|aux|à des|à une?)\s*$", re.I)


EXPLOSIVE_KINDS = frozenset({"suicide", "ied", "explosion"})


def names_a_seized_weapon(trigger: Span) -> bool:
    """« saisissant des ceintures explosives et des engins explosifs »: weapons taken (after a word of
    ``lexicons/seizing_words.txt``, with only articles, figures and other weapons between), not used."""
    if trigger.label_ not in EXPLOSIVE_KINDS:
        return False
    seizing = word_set("lexicons/seizing_words.txt")
    for token in reversed(trigger.doc[trigger.sent.start : trigger.start]):
        if token.lower_ in seizing:
            return True
        if token.pos_ not in {"DET", "ADP", "NUM", "CCONJ", "ADJ", "NOUN", "PUNCT"} or token.lower_ in {".", ";"}:
            return False
    return False


def names_a_charge(trigger: Span) -> bool:
    """ "un mandat d'arrêt pour enlèvement d'enfant", "accusé de meurtre": the charge, not an event told
    (``lexicons/charge_words.txt``)."""
    before = trigger.doc[max(trigger.start - 3, trigger.sent.start) : trigger.start].text
    if trigger[0].pos_ == "NOUN" and charged().search(before) is not None:
        return True
    wider = trigger.doc[max(trigger.start - 6, trigger.sent.start) : trigger.start].text
    # « soupçonnées d'avoir participé au lynchage »: what they are suspected of
    return trigger[0].pos_ == "NOUN" and (charged_of_a_deed().search(wider) is not None or held_for(trigger))


def held_for(trigger: Span) -> bool:
    """« a interpellé deux hommes accusés d'avoir relayé de fausses informations sur l'attaque de Banibangou »: an
    event named in what those arrested are accused of (``lexicons/accusing_verbs.txt``)."""
    sent = trigger.root.sent
    arrests = [t.root.i for t in trigger.doc.spans.get("temoin_triggers", []) if t.label_ == "arrest"]
    for token in list(trigger.root.ancestors)[:6]:
        if token.dep_ == "acl" and token.lemma_.lower() in word_set("lexicons/accusing_verbs.txt"):
            return any(sent.start <= i < token.head.i for i in arrests)  # the accused, named after the arrest
    return False


def takes_an_institution(trigger: Span) -> bool:
    """ "une faction avait pris le contrôle de l'administration de Mekele": an institution taken, not ground."""
    if trigger.label_ not in {"territory_taken", "territory_regained"}:
        return False
    doc = trigger.doc
    after = [t for t in doc[trigger.end : min(trigger.end + 4, trigger.sent.end)] if t.pos_ in {"NOUN", "PROPN"}]
    return bool(after) and after[0].lower_ in word_set("lexicons/institution_nouns.txt")


def told_before(trigger: Span, sentence: Sentence) -> bool:
    """A pluperfect after the lede with no day of its own: what had happened before the news. A day of its own makes
    it an event ("le 3 mars, vingt soldats avaient été tués à Ménaka")."""
    if sentence.index < LEDE_SENTENCES:
        return False
    verb = clause_verb(trigger.root)
    pluperfect = any(
        c.dep_.startswith("aux") and c.lemma_ in {"avoir", "être"} and "Imp" in c.morph.get("Tense", [])
        for c in verb.children
    )
    dated = own_date(sentence) or same_day().search(sentence.text)
    return pluperfect and not dated and not reported_just_now(verb, sentence)


def took_place() -> re.Pattern[str]:
    """« L'attaque s'est produite à ... », « s'était déroulée »: ``lexicons/took_place_phrases.txt``."""
    return word_pattern("lexicons/took_place_phrases.txt")


def reported_just_now(verb: Token, sentence: Sentence) -> bool:
    """« les autorités ont indiqué que plusieurs obus étaient tombés près de Bugarama »: the pluperfect that follows a
    verb of saying in the passé composé, at a place of its own, tells what had just happened when it was said, not
    what came before the news."""
    placed = any(p.label_ != "country" and verb.is_ancestor(p.root) for p in sentence.places)
    # « avait « nettoyé » la ville des « extrémistes » »: the town just named
    the_town = any(t.lower_ in settlement_words() and t.head.i == verb.i for t in verb.children)
    if not placed and not the_town:
        return False
    head = verb.head
    said = verb.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in reporting_verbs()
    said_now = said and any(c.dep_ == "aux:tense" and "Pres" in c.morph.get("Tense", []) for c in head.children)
    return said_now and any(c.lower_ in {"que", "qu'"} for c in verb.children)


def same_day() -> re.Pattern[str]:
    """ "Plus tôt dans la journée", "le même jour" (``lexicons/same_day_phrases.txt``)."""
    return word_pattern("lexicons/same_day_phrases.txt")


def own_date(sentence: Sentence) -> DateReading | None:
    """The sentence's date: the event's own ("visé lundi soir") before the report's ("a revendiqué mercredi")."""
    dates = [s for s in sentence.dates if s.label_ == "DATE"]
    told = [s for s in dates if not dates_the_report(s)] or dates
    told = [s for s in told if not dates_another_event(s, sentence)] or told
    named = [s for s in told if not s.kb_id_.startswith("|")]  # « Le lendemain, samedi »: Saturday
    if not dates:
        return None
    chosen = (named or told)[0]
    reading = DateReading.from_key(chosen.kb_id_)
    reported = [DateReading.from_key(s.kb_id_) for s in dates if s != chosen and dates_the_report(s)]
    reported = [r for r in reported if r.value is not None and r.precision == 1 and not r.shift]
    if reading.shift and reported:
        return reading.after(reported[0])  # « a annoncé mardi ... une opération menée la veille »: Monday
    return reading


def event_date(sentence: Sentence) -> DateReading | None:
    """A date the sentence gives to what happened, not to the telling of it ("a appelé mardi à préserver la trêve
    conclue après les affrontements de mai": the clashes have no date of their own here)."""
    told = [s for s in sentence.dates if s.label_ == "DATE" and not dates_the_report(s)]
    told = [s for s in told if not dates_another_event(s, sentence)] or told
    return DateReading.from_key(told[0].kb_id_) if told else None


def dates_another_event(date: Span, sentence: Sentence) -> bool:
    """« En riposte à l'embuscade de vendredi, l'aviation a frappé samedi »: the day of the event named, not the
    sentence's."""
    doc = date.doc
    if date.start < 2 or doc[date.start - 1].lower_ not in {"de", "du", "d'"}:
        return False
    return any(t.end == date.start - 1 and t[0].pos_ == "NOUN" for t in sentence.triggers)


@cache
def telling_verbs() -> frozenset[str]:
    comments = word_set("lexicons/comment_verbs.txt")  # « a condamné jeudi « une attaque lâche » »: its day
    return reporting_verbs() | claim_verbs() | comments | {"publier", "lire", "diffuser", "communiquer"}  # "lu mardi"


def dates_the_report(date: Span) -> bool:
    """ "a déclaré mardi", « un premier bilan communiqué dimanche par l'armée »: the day of the telling."""
    if date.text.lower().startswith("il y a"):
        return False  # « a annoncé vendredi avoir arrêté il y a une dizaine de jours »: « a » heads the span
    if ascribed_event(date):
        return False  # « l'attaque attribuée aux rebelles ADF dans la nuit de dimanche à lundi »: the attack's day
    return (
        date.root.head.lemma_.lower() in telling_verbs()
        or right_after_a_telling_verb(date)
        or dates_a_statement(date)
        or tells_next(date)
    )


def ascribed_event(date: Span) -> bool:
    """The day hangs on a participle that ascribes an event noun to someone (``lexicons/ascription_verbs.txt``)."""
    head = date.root.head
    return head.dep_ == "acl" and head.lemma_.lower() in word_set("lexicons/ascription_verbs.txt")


def right_after_a_telling_verb(date: Span) -> bool:
    """« ..., a indiqué dimanche une source »: the parser may hang the day on the source after it."""
    before = date.doc[date.start - 1] if date.start > 0 else None
    return before is not None and before.pos_ == "VERB" and before.lemma_.lower() in telling_verbs()


def dates_a_statement(date: Span) -> bool:
    """ "un communiqué dimanche", "un communiqué publié lundi soir", "un communiqué de l'état-major parvenu lundi à
    l'AIB": the statement's day."""
    statements = word_set("lexicons/statement_nouns.txt")
    before = date.doc[date.start - 1] if date.start > 0 else None
    head = date.root.head
    owner = head.head  # « un communiqué du commandement régional diffusé mardi »: the parser hangs it on the body
    of_a_statement = owner.lower_ in statements or (owner.dep_ == "nmod" and owner.head.lower_ in statements)
    published = head.dep_ == "acl" and head.lemma_.lower() in telling_verbs() and of_a_statement
    return (before is not None and before.lower_ in statements) or published or drawn_up(date) or reached_us(date)


def drawn_up(date: Span) -> bool:
    """« Un premier bilan établi dimanche par la mairie »: the day a count or a report was drawn up
    (``lexicons/drawing_up_verbs.txt``)."""
    head = date.root.head
    verbs = telling_verbs() | word_set("lexicons/drawing_up_verbs.txt")
    nouns = word_set("lexicons/statement_nouns.txt") | word_set("lexicons/publication_nouns.txt")
    return head.dep_ == "acl" and head.lemma_.lower() in verbs and head.head.lemma_.lower() in nouns


def reached_us(date: Span) -> bool:
    """ "selon un communiqué de l'état-major parvenu lundi à l'AIB": the day the statement arrived (a bare participle:
    « les assaillants sont parvenus lundi à entrer » is the event's)."""
    head = date.root.head
    auxiliary = any(c.dep_.startswith("aux") for c in head.children)
    return head.lemma_.lower() == "parvenir" and head.tag_ != "AUX" and not auxiliary


def tells_next(date: Span) -> bool:
    """« ; lundi, son porte-parole a reconnu que ... »: the first verb after the date, its subject between, is one of
    telling, whatever the parse attached the date to."""
    for token in date.doc[date.end : min(date.end + 6, date.sent.end)]:
        if token.pos_ == "VERB":
            return token.lemma_.lower() in telling_verbs()
        if token.is_punct and token.text != ",":
            return False
    return False


def claim_verbs() -> frozenset[str]:
    return word_set("lexicons/claim_verbs.txt")


def claims(actor: Span) -> bool:
    """ "Le JNIM a revendiqué l'attaque", "l'armée a affirmé avoir tué vingt terroristes": the claimant is a source
    and the agent."""
    root = named_in_the_subject(actor.root)  # « Le mouvement rebelle RED-Tabara, basé ..., a revendiqué l'attaque »
    head = root.head
    if root.dep_ == "obl:agent":  # "L'attaque a été revendiquée par le JNIM", also when the parser hangs the
        before = actor.doc[max(actor.sent.start, actor.start - 5) : actor.start]  # group on « dimanche »
        return any(t.lemma_.lower() in claim_verbs() for t in [head, *before])
    if root.dep_ != "nsubj" or root.head.pos_ not in {"VERB", "AUX", "ADJ"}:
        return claim_follows(actor)  # « Le groupe terroriste a de son côté affirmé »: the parser's root on « côté »
    shared = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # "a lancé ... et affirme avoir"
    force = actor.label_ in {"MIL", "COP", "SPY", "REB", "UAF"}  # not « les autorités ont annoncé l'arrestation »
    return any(
        v.lemma_.lower() in claim_verbs() or says_it_did(v) or (force and announces_its_act(v)) for v in [head, *shared]
    )


def named_in_the_subject(token: Token) -> Token:
    """The subject whose noun names the group (« le mouvement rebelle RED-Tabara »), else the token itself."""
    head = token
    while head.dep_ in {"nmod", "appos", "flat:name"} and head.head.pos_ == "NOUN" and head.head.i < head.i:
        head = head.head
    return head if head.dep_ == "nsubj" else token


def claim_follows(actor: Span) -> bool:
    """« Sur ses canaux de propagande, le JNIM revendique ... »: a verb of claim right after the group, whatever the
    parser made of the group."""
    end = past_an_aside(actor.doc, actor.end, actor.sent.end)  # « Le JNIM, de son côté, prétend avoir tué »
    after = [t for t in actor.doc[end : min(end + 6, actor.sent.end)] if t.pos_ != "AUX"]
    while after and after[0].lower_ in word_set("lexicons/aside_words.txt"):
        after = after[1:]  # « a de son côté affirmé », « a pour sa part revendiqué »
    if not after or after[0].pos_ not in {"VERB", "ADJ"}:  # « revendique » tagged as an adjective
        return False
    word = after[0].lower_
    conjugated = any(word.startswith(s) and len(word) - len(s) <= 4 for s in claim_stems())
    return after[0].lemma_.lower() in claim_verbs() or conjugated or (after[0].pos_ == "VERB" and says_it_did(after[0]))


def past_an_aside(doc: Doc, start: int, limit: int) -> int:
    """The token after a short verbless aside between commas that opens at ``start`` (« , de son côté, »), else
    ``start``."""
    if start >= limit or doc[start].text != ",":
        return start
    for token in doc[start + 1 : min(start + 7, limit)]:
        if token.pos_ in {"VERB", "AUX"}:
            return start
        if token.text == ",":
            return token.i + 1
    return start


@cache
def claim_stems() -> frozenset[str]:
    """« revendiquer »: « revendiqu », which « revendique », « revendiquent » start with."""
    return frozenset(verb[:-2] for verb in claim_verbs())


def says_it_did(verb: Token) -> bool:
    """ "a affirmé avoir tué", "annonce avoir repris": a verb of speech whose subject tells of its own act
    ("Kiev accuse Moscou d'avoir bombardé" tells of another's)."""
    parsed = any(
        child.dep_ in {"xcomp", "ccomp"}
        and any(g.lower_ == "avoir" and g.dep_.startswith("aux") for g in child.children)
        and not any(g.lower_ in {"de", "d'"} for g in child.children)
        for child in verb.children
    )
    return parsed or (verb.lemma_.lower() in reporting_verbs() and avoir_after(verb))


def announces_its_act(verb: Token) -> bool:
    """ "le service de contre-terrorisme a annoncé l'arrestation de cinq membres de l'EI": a force that announces
    an arrest or a capture (``lexicons/own_act_nouns.txt``) made it."""
    own_act = any(c.dep_ == "obj" and c.lemma_.lower() in word_set("lexicons/own_act_nouns.txt") for c in verb.children)
    return own_act and verb.lemma_.lower() in reporting_verbs()


def avoir_after(verb: Token) -> bool:
    """ "a annoncé dans un communiqué avoir ciblé": « avoir » and a participle a few words after the verb of
    speech, which the parser hung on the noun in between."""
    window = verb.doc[verb.i + 1 : min(verb.sent.end - 1, verb.i + 7)]
    for token in window:
        if token.is_punct or token.lower_ in {"que", "qu'", "de", "d'"}:
            return False
        if token.lower_ == "avoir":  # « affirme avoir « neutralisé » »: the quote mark left out
            after = [t for t in verb.doc[token.i + 1 : min(verb.sent.end, token.i + 3)] if t.text not in QUOTES]
            return bool(after) and after[0].pos_ in {"VERB", "AUX"}
    return False


QUOTES = frozenset({"«", "»", '"', "“", "”"})


@cache
def purpose() -> re.Pattern[str]:
    """ "en vue d'une (éventuelle) ", "une éventuelle " right before an event noun (``lexicons/purpose_words.tsv``)."""
    rows = list(read_tsv("lexicons/purpose_words.tsv"))
    aims = word_alternation(r["phrase"] for r in rows if r["slot"] == "purpose")
    adjectives = word_alternation(r["phrase"] for r in rows if r["slot"] == "adjective")
    return re.compile(rf"(\b({aims})\s+(d'|de|du|des)?\s*(une?|la|le|les|l')?\s*(\S+\s+)?|\b({adjectives})\s+)$", re.I)


def has_pronoun_subject(trigger: Span) -> bool:
    verb = clause_verb(trigger.root)
    return any(c.dep_.startswith("nsubj") and c.lower_ in PRONOUNS for c in verb.children)


def demand_verb(sentence: Sentence, triggers: list[Span]) -> Token | None:
    """The verb by which protesters say what they want: "des manifestants ont réclamé un accord pour la libération
    des otages détenus à Gaza". What follows it (an abduction, Gaza) is the protest's topic, not its event or place."""
    protests = [t for t in triggers if t.label_ == "protest"]
    if not protests:
        return None
    demands = word_set("lexicons/demand_verbs.txt")
    return next((t for t in sentence.span if t.i > protests[0].start and t.lemma_.lower() in demands), None)


@cache
def non_conflict() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(read_lines("lexicons/non_conflict.txt")) + r")\b", re.I)


def denial_verbs() -> frozenset[str]:
    return word_set("lexicons/denial_verbs.txt")


@cache
def group_anaphora() -> re.Pattern[str]:
    """A sentence headed by "le groupe", "le mouvement" ... (``lexicons/group_anaphora.txt``)."""
    return re.compile(r"^\W*(" + word_alternation(read_lines("lexicons/group_anaphora.txt")) + r")\b", re.I)


@cache
def duration() -> re.Pattern[str]:
    """Background time ("depuis trois ans", "pendant 12 mois", "l'an dernier") from ``lexicons/durations.tsv``."""
    slots: dict[str, list[str]] = {k: [] for k in ("since", "about", "over", "count", "unit", "years", "phrase")}
    for row in read_tsv("lexicons/durations.tsv"):
        slots[row["slot"]].append(row["word"])
    slots["unit"] += slots["years"]
    since, about, over, count, unit, years, phrase = (
        word_alternation(slots[k]) for k in ("since", "about", "over", "count", "unit", "years", "phrase")
    )
    return re.compile(
        rf"\b({since}) (?:(?:{about}) )?({count}|\d+) ({unit})\b|\b({over}) (?:(?:{about}) )?({count}|\d+) ({years})\b"
        rf"|\b({phrase})\b",
        re.I,
    )


_ITS = r"(?:le |la |l'|les |son |sa |leur )"  # « depuis la trêve », « depuis son déclenchement »


@cache
def tally_anchor() -> re.Pattern[str]:
    """« depuis la trêve », « depuis le 7 octobre 2023 », « depuis janvier », « en 2025 », « entre 2013 et 2018 »,
    « au cours du deuxième trimestre »: a span that runs back past the news (``lexicons/tally_anchors.tsv``)."""
    slots: dict[str, list[str]] = {"since": [], "over": [], "phrase": []}
    for row in read_tsv("lexicons/tally_anchors.tsv"):
        slots[row["slot"]].append(row["word"])
    since, over, phrase = (word_alternation(slots[k]) for k in ("since", "over", "phrase"))
    year = r"(?:19|20)\d\d\b"
    return re.compile(
        rf"\bdepuis (?:{_ITS}?(?:{since})\b|(?P<day>le \d{{1,2}}(?:er)? )?(?:{_MONTHS})\b|{year})"
        rf"|\ben {year}|\bentre {year} et {year}|\bentre (?:{_MONTHS}) et (?:{_MONTHS})\b"
        rf"|\b(?:au cours|durant|pendant|lors) d[ue]s? (?:\w+ ){{0,2}}(?:{over})\b"
        rf"|\b(?:{phrase})\b",
        re.I,
    )


SUPERLATIVE = re.compile(r"\b(?:plus|moins|pire|premi[eè]re?|seule?)\b[^,;.]{0,25}$", re.I)
RECORD = re.compile(r"\b(?:(?:la|le|les) (?:plus|moins)|(?:la|le) pire)\b[^,;.]{0,45}$", re.I)


def since_a_record(before: str) -> bool:
    """ "la plus meurtrière contre la ville depuis le début de l'année": a record, not a tally over the period."""
    return bool(RECORD.search(before))


def counts_a_period(sentence: Sentence) -> bool:
    """A period or a span of time the sentence counts over (« depuis janvier », « depuis trois ans »), not the one a
    record is set in."""
    text = sentence.text
    starts = [s.start_char - sentence.span.start_char for s in sentence.dates if s.label_ == "PERIOD"]
    starts += [m.start() for m in duration().finditer(text)]
    return any(not since_a_record(text[:at]) for at in starts)


TALLY_REACH = 60  # characters between a toll and the time it is counted since
TALLY_DAYS = 14  # « depuis le 15 août » a few days after is this week's fighting; since a day weeks before, a tally


def is_a_tally(sentence: Sentence, toll: Span) -> bool:
    """A toll counted since a time long past is a tally, no event's: « plus de 600 Palestiniens ont été tués depuis
    la trêve », « Depuis la fin du mois de mai, des centaines ... »; not « depuis lundi, au moins vingt personnes
    ont été tuées » (this week's fighting), « la frappe la plus meurtrière depuis le début de la guerre », nor « les
    forces rwandaises, déployées depuis 2021 ..., ont affirmé avoir tué sept terroristes »."""
    text, offset = sentence.text, sentence.span.start_char
    start, end = toll.start_char - offset, toll.end_char - offset
    published = sentence.span.doc._.published
    if war_toll().search(text[max(0, start - 70) : start]):
        return True
    counted_over = duration().search(text[end : end + 100])  # « la mort de plus de 40 000 personnes, ... en plus de
    if counted_over is not None and counted_over.group(4) is not None:  # quarante ans de campagne »: years of war
        return True
    for anchor in tally_anchor().finditer(text):
        if anchor.start() < end and anchor.end() > start:
            continue
        clause = relative_clause_at(sentence, anchor.start()) or participle_at(sentence, anchor.start())
        if clause is not None and toll.start <= clause.i < toll.end:
            clause = None  # « plus de 4 000 personnes tuées entre janvier et septembre »: the toll's own verb
        if clause is not None and toll.start not in {t.i for t in clause.subtree}:
            continue  # « deux chauffeurs tués par les jihadistes, qui imposent depuis septembre un blocus »
        if in_a_concession(sentence, anchor.start()):
            continue  # « Malgré le cessez-le-feu en vigueur depuis octobre, trois Palestiniens ont été tués vendredi »
        after = anchor.start() >= end
        gap = text[end : anchor.start()] if after else text[anchor.end() : start]
        opens = not text[: anchor.start()].strip()
        fronted = after or opens or (gap.startswith(",") and len(gap) <= 15)
        far = opens and not has_a_day(sentence, anchor)
        near = (len(gap) <= TALLY_REACH or far) and not re.search(r"[.;:!?]", gap)
        if (
            near
            and fronted
            and not (SUPERLATIVE.search(text[: anchor.start()]) or since_a_record(text[: anchor.start()]))
            and long_past(anchor, date.fromisoformat(published) if published else None)
        ):
            return True
    return False


def has_a_day(sentence: Sentence, anchor: re.Match[str]) -> bool:
    """« Depuis le 8 octobre 2023, au lendemain de l'attaque du Hamas, le front a fait plus de 600 morts »: a time
    opening the sentence counts its toll, however far, unless the sentence dates a day of its own."""
    offset = sentence.span.start_char
    return any(
        d.label_ == "DATE"
        and DateReading.from_key(d.kb_id_).precision == 1
        and not anchor.start() <= d.start_char - offset <= anchor.end()
        for d in sentence.dates
    )


def long_past(anchor: re.Match[str], published: date | None) -> bool:
    """« depuis le 15 août » is a tally only when that day is weeks before the article, or has its year (« depuis le
    7 octobre 2023 »)."""
    if not anchor.group("day"):
        return True
    year = re.search(r"(?:19|20)\d\d", anchor.string[anchor.end() : anchor.end() + 6])
    if year or published is None:
        return bool(year)
    day = int(re.sub(r"\D", "", anchor.group("day")))
    month = _MONTHS.split("|").index(anchor.group(0).rsplit(" ", 1)[-1].lower()) + 1
    try:
        told = date(published.year if month <= published.month else published.year - 1, month, day)
    except ValueError:
        return False
    return (published - told).days > TALLY_DAYS


@cache
def war_toll() -> re.Pattern[str]:
    """« une guerre civile ayant fait près de 400 000 morts »: the war's toll, ``lexicons/war_nouns.txt``."""
    wars = word_alternation(sorted(war_nouns()))
    return re.compile(
        rf"\b(?:{wars})\b(?:\s+[\w-]+){{0,3}},?\s+(?:qui\s+)?(?:a|avait|aurait|ayant)\s+(?:fait|causé|coûté)"
        r"(?:\s+la vie à)?\s+(?:\w+\s+){0,2}$",
        re.I,
    )


def counts_since(sentence: Sentence) -> bool:
    """Every count of the dead in the sentence is a tally over time (`is_a_tally`); the wounded counted with them
    (« plus de 43 700 morts depuis le 7 octobre 2023 ... et plus de 103 000 blessés ») are of the same tally."""
    dead = [t for t in sentence.tolls if t.label_ != "INJURED"]
    return bool(dead) and all(is_a_tally(sentence, t) for t in dead)


def is_background(ctx: ArticleContext, sentence: Sentence) -> bool:
    """Habitual or past context: "depuis des mois", "En 2013, ...", a year older than the article's; not a time
    that only describes someone in a relative clause (« la RDF, qui opère aux côtés de l'armée depuis 2021 »)."""
    starts = [(s, s.start_char - sentence.span.start_char) for s in sentence.dates]
    kinds = {s.label_ for s, at in starts if not told_aside(sentence, at) and not since_a_record(sentence.text[:at])}
    if "PERIOD" in kinds and "DATE" not in kinds:
        return True
    during = next((m for m in duration().finditer(sentence.text) if not told_aside(sentence, m.start())), None)
    if during and sentence.index >= LEDE_SENTENCES and not dated_before(sentence, during.start()):
        return True
    years = [int(m.group(1)) for m in YEAR.finditer(sentence.text) if not told_aside(sentence, m.start())]
    if bool(years) and max(years) < ctx.latest_year and not dated_this_week(ctx, sentence):
        return True
    return recalled_from_long_ago(ctx, sentence) or goes_on_with_the_background(ctx, sentence)


RECALL_DAYS = 31  # the coders' month: what « avait déjà » recalls from before it is background


def recalled_from_long_ago(ctx: ArticleContext, sentence: Sentence) -> bool:
    """« Début juin, l'attaque du camp militaire de Tombouctou avait déjà coûté la vie à plusieurs soldats » in an
    article of 18 July, « Pour rappel, cette zone avait été endeuillée en mars dernier »: an earlier event recalled,
    more than a month before; not « Le 28 août, des bandits avaient déjà tué onze personnes » a week before."""
    day = event_date(sentence)
    if (
        ctx.published is None
        or day is None
        or day.value is None
        or not word_pattern("lexicons/recall_phrases.txt").search(sentence.text)
    ):
        return False
    return (ctx.published - day.value).days > RECALL_DAYS


def told_aside(sentence: Sentence, offset: int) -> bool:
    """Whether the words at this character offset of the sentence sit in a relative clause that describes a noun
    other than the subject and tells no event or toll of its own (not « l'insurrection, qui a fait 6 000 morts
    depuis 2017 », nor « La guerre, qui a éclaté en avril 2023, a fait des dizaines de milliers de morts »)."""
    token = relative_clause_at(sentence, offset)
    if token is None or token.head.dep_.startswith("nsubj"):
        return False
    if token.head.lower_ in war_nouns() or token.head.lemma_.lower() in war_nouns():
        return False  # the war described: its time is the background's
    clause = {t.i for t in token.subtree}
    told = [*sentence.tolls, *(t for t in sentence.triggers if not describes_a_noun(t))]
    return not any(span.start in clause for span in told)


def in_a_concession(sentence: Sentence, offset: int) -> bool:
    """The words at this offset sit in a phrase headed by « malgré » or « en dépit de » (``concessive_words.txt``):
    they tell of what the news happened in spite of."""
    token = next((t for t in sentence.span if t.idx - sentence.span.start_char >= offset), None)
    words = word_set("lexicons/concessive_words.txt")
    while token is not None and token.i != token.head.i:
        if token.lower_ in words or any(c.dep_ == "case" and c.lower_ in words for c in token.children):
            return True
        token = token.head
    return False


def relative_clause_at(sentence: Sentence, offset: int) -> Token | None:
    """The verb of the relative clause the words at this character offset of the sentence sit in, if any."""
    return clause_at(sentence, offset, lambda t: t.dep_ == "acl:relcl")


def clause_at(sentence: Sentence, offset: int, heads: Callable[[Token], bool]) -> Token | None:
    """The nearest token above the words at this character offset that ``heads`` takes for a clause's head."""
    token = next((t for t in sentence.span if t.idx - sentence.span.start_char >= offset), None)
    while token is not None and token.i != token.head.i and not heads(token):
        token = token.head
    return token if token is not None and heads(token) else None


def participle_at(sentence: Sentence, offset: int) -> Token | None:
    """The bare past participle set after its noun whose clause the words at this offset sit in (« l'opération
    Mirador, déployée depuis 2022 »)."""
    return clause_at(sentence, offset, describing)


def describing(token: Token) -> bool:
    """A relative clause's verb, or a bare past participle set after its noun (« l'opération Mirador, déployée
    depuis 2022 »)."""
    if token.dep_ == "acl:relcl":
        return True
    bare = not any(c.dep_.startswith("aux") for c in token.children)
    return token.dep_ == "acl" and bare and "Part" in token.morph.get("VerbForm", []) and token.i > token.head.i


def dated_before(sentence: Sentence, offset: int) -> bool:
    """« La veille, l'armée avait repris Mahaas, tombée aux mains des shebab l'an dernier »: a day told before the
    background time dates the news; the time only tells of the place."""
    days = [d for d in sentence.dates if d.label_ == "DATE" and DateReading.from_key(d.kb_id_).precision == 1]
    return any(d.start_char - sentence.span.start_char < offset for d in days)


def goes_on_with_the_background(ctx: ArticleContext, sentence: Sentence) -> bool:
    """A sentence with no day and no place of its own, after a background or tally sentence of its paragraph, counts
    the same period: « Les violences ont explosé en Cisjordanie depuis le début de la guerre en octobre 2023. Au moins
    1 000 Palestiniens y ont été tués »."""
    if any(s.label_ == "DATE" for s in sentence.dates) or any(p.label_ != "country" for p in sentence.places):
        return False
    before = ctx.before_in_paragraph(sentence)
    if before is None:
        return False
    years = [int(y) for y in YEAR.findall(before.text)]
    if bool(years) and max(years) < ctx.latest_year and not dated_this_week(ctx, before):
        return True
    if before.index >= LEDE_SENTENCES and duration().search(before.text) and not before.dates:
        return True  # « Depuis l'été, les miliciens ont brièvement pris le contrôle de plusieurs villes ... L'armée a
        # répondu par des frappes de drones qui, selon l'ONU, ont fait des centaines de victimes civiles »
    return counts_since(before) and not dated_this_week(ctx, before)  # « Depuis le 8 octobre 2023, le front a fait
    # plus de 600 morts au Liban. Côté israélien, plusieurs dizaines de personnes ont été tuées »: the same tally;
    # not after « ..., théâtre depuis 2009 d'une insurrection ..., des combattants ont attaqué lundi une base »


def dated_this_week(ctx: ArticleContext, sentence: Sentence) -> bool:
    """« ont marché dimanche pour exiger le déploiement de la force autorisée en septembre 2025 »: the day of the
    week before the year dates the news; the year only dates the force."""
    first_year = YEAR.search(sentence.text)
    if ctx.published is None or first_year is None:
        return False
    at = sentence.span.start_char + first_year.start()
    since = any(s.label_ == "PERIOD" and s.start_char <= at < s.end_char for s in sentence.dates)  # « théâtre depuis
    # 2009 d'une insurrection ..., des combattants ont attaqué dans la nuit de lundi à mardi »: the year only sets it
    for span in sentence.dates:
        told = DateReading.from_key(span.kb_id_) if span.label_ == "DATE" and not YEAR.search(span.text) else None
        before = since or span.start_char - sentence.span.start_char < first_year.start()
        if told is not None and told.value is not None and before and 0 <= (ctx.published - told.value).days <= 7:
            return True
    return False


def war_nouns() -> frozenset[str]:
    return word_set("lexicons/war_nouns.txt")


def opens_on_a_country(sentence: Sentence) -> bool:
    """ "Au Burkina Faso, ...", "Dans la capitale, ...", "Par ailleurs, ...": the sentence turns to another scene."""
    turns = scene_changes().match(sentence.text) is not None
    return turns or opening_country(sentence) is not None


def opening_country(sentence: Sentence) -> Span | None:
    """The country a sentence opens on: « Au Tchad voisin, ... »."""
    start = sentence.span.start
    return next((p for p in sentence.places if p.label_ == "country" and p.start - start <= 2), None)


def scene_changes() -> re.Pattern[str]:
    """Openings that turn to another scene, from ``lexicons/scene_change_phrases.txt``."""
    return word_pattern("lexicons/scene_change_phrases.txt")


def tells_its_own_event(sentence: Sentence) -> bool:
    """ "Le même jour, une église a été attaquée à Essakane-Village, faisant au moins 15 morts": the toll is that
    attack's, even when it cannot be coded, not the one of the event before."""
    placed = any(  # "Ils ont ouvert le feu, tuant neuf personnes": same; « depuis leurs caches dans la Badia »: same
        p.label_ != "country"
        and not any(is_origin(p, t) for t in sentence.triggers)
        and not any(s.start <= p.start and p.end <= s.end for s in sentence.sources)  # « le maire de Saint-Marc »
        for p in sentence.places
    )
    return placed and any(
        t.label_ != "kill" and not is_referential(t) and not describes_a_noun(t) for t in sentence.triggers
    )


def tells_what_the_war_did(trigger: Span) -> bool:
    """« une insurrection jihadiste qui a fait plus de 40.000 morts »: the war's toll in a relative clause on a war
    noun (``lexicons/war_nouns.txt``), not an event of the news."""
    token = trigger.root
    while token.i != token.head.i and token.dep_ != "acl:relcl":
        token = token.head
    war = token.head
    return token.dep_ == "acl:relcl" and (war.lower_ in war_nouns() or war.lemma_.lower() in war_nouns())


def describes_a_noun(trigger: Span) -> bool:
    """« la riposte des militaires de l'opération Mirador, déployée depuis 2022 dans l'Atacora »: a past participle
    that says what a force is, no event."""
    return trigger.root.dep_ == "acl" and describing(trigger.root)
