"""The ``temoin_tolls`` component: how many were killed or injured, ACLED's way.

``find_tolls`` is the pure step over one sentence: "au moins 12" is 12, "des
dizaines" 12, "une dizaine" 10, "plusieurs" 3, "40 assaillants et 7 soldats
tués" 47 (figures joined by "et" share the verb after them). Writes
``doc.spans["temoin_tolls"]`` with ``label_`` KILLED or INJURED and ``kb_id_``
"count|victims|when" (victims is the noun counted, e.g. "soldats"; when is 1 for an
update, "le bilan s'est alourdi à", 2 for an earlier figure, "un premier bilan", else 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from temoin.resources import (
    read_lines,
    read_tsv,
    split_variants,
    with_singulars,
    word_alternation,
    word_pattern,
    word_set,
)
from temoin.stages import span_text
from temoin.stages.clean import in_boilerplate
from temoin.stages.dates import MONTHS, WEEKDAYS
from temoin.stages.numbers import COMPOUND, compound_value


def _words(name: str) -> str:
    """Alternation of a lexicon's words, longest first (``lexicons/<name>``)."""
    return word_alternation(sorted(read_lines(f"lexicons/{name}"), key=len, reverse=True))


VAGUE = {row["words"]: int(row["count"]) for row in read_tsv("lexicons/vague_numbers.tsv")}
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
_QUALIFIER = r"(?:au moins|plus d[e']|près d[e']|environ|quelque|pas moins d[e']|jusqu'à|un total d[e']|au total)?\s*"
_FIGURE = rf"(?:\d+(?:[  .]\d{{3}})*|{COMPOUND}|{_VAGUE})"
NUMBER = re.compile(rf"\b{_QUALIFIER}(?P<num>{_FIGURE})\b(?:\s+(?:de|d'))?", re.I)


def _plural_demonyms() -> list[str]:
    """ "158 Palestiniens", "six Israéliens": a counted nationality is people, a toll's victims."""
    rows = read_tsv("actors/countries.tsv")
    return [adj for row in rows for col in ("adj_mp", "adj_fp") for adj in split_variants(row.get(col, ""))]


VICTIMS = "|".join(
    sorted(
        (re.escape(w) for w in with_singulars([*read_lines("lexicons/toll_nouns.txt"), *_plural_demonyms()])),
        key=len,
        reverse=True,
    )
)
# "trois de ses « terroristes »", "une cinquantaine de ces criminels"
VICTIM = re.compile(  # "cinq soldats", "cinq de nos vaillants soldats"
    rf"^\s*(?:(?:de|d'entre)\s+)?(?:(?:ces|ses|leurs|nos)\s+(?:[a-zà-ÿ]+\s+)?)?(?:«\s*)?"
    rf"(?:(?:{_words('noun_qualifiers.txt')})\s+)?(?P<victims>{VICTIMS})\b",  # « quatre présumés bandits »
    re.I,
)
KILLED = re.compile(rf"\b({_words('death_words.txt')})\b", re.I)
INJURED = re.compile(r"\b(blessée?s?|blessés)\b", re.I)
INJURE_BEFORE = re.compile(r"\b(blessant|blessé)(?:\s+\w+ment)?\s*$", re.I)  # "blessant quatre personnes"
_DAY = (  # "a tué dimanche 20", "ont exécuté vendredi dernier sept hommes", "ont tué la veille au soir 12",
    # « avaient assassiné le 1er février cinq civils », « avait tué par erreur huit civils »
    rf"(?:\s+(?:(?:{'|'.join(WEEKDAYS)})(?:\s+dernier)?|hier|la veille|le lendemain"
    rf"|le \d{{1,2}}(?:er)? (?:{'|'.join(MONTHS)})"
    r"|par erreur)"
    r"(?:\s+(?:au\s+)?(?:matin|soir|après-midi))?)?"
)
_ADVERB = r"(?:\s+\w+ment)?"  # "ont exécuté sommairement une trentaine de civils"
_THEIR = r"(?:\s+(?:ses|leurs))?"  # « tuant ses deux occupants »
_AT = (  # « auraient exécuté vendredi à Jilib, dans la région du Moyen-Djouba, deux hommes »
    r"(?:\s+à\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?(?:\s*,\s*dans\s+(?:la|le|l')\s*[^,.;]{1,40},)?)?"
)
KILL_VERB_BEFORE = re.compile(
    rf"\b({_words('kill_words_before.txt')}){_ADVERB}{_DAY}{_AT}{_THEIR}\s*$", re.I
)  # "a tué dimanche 20"
ENEMY_VERB_BEFORE = re.compile(rf"\b(?:{_words('enemy_kill_verbs.txt')})\W*\s*$", re.I)
KILL_BEFORE = re.compile(
    rf"\b({_words('kill_words_before.txt')}|{_words('toll_words_before.txt')}){_ADVERB}{_DAY}{_AT}{_THEIR}\s*$", re.I
)
SHOT_DOWN = re.compile(rf"\babattu{_ADVERB}{_DAY}\s*$", re.I)  # people only: « abattu 71 drones » is no toll
DEATH_OF = re.compile(  # « en reconnaissant la mort de trois soldats », « la perte de quatre soldats », « avoir reçu
    # les corps de cinq militaires et de quatre assaillants »; not a claim
    r"(?<!revendique )(?<!revendiquent )\b(?:(?:la|leur|sa) (?:mort|perte)|les (?:corps|dépouilles))\s+d(?:e|')"
    r"(?:[^.;:,]{1,40}?\s+et\s+d(?:e|'))?\s*$",
    re.I,
)


def dies_of(before: str, count: int) -> bool:
    """« la mort de trois soldats »; not one person's death, often what set the event off (« La mort d'un jeune
    homme en garde à vue a déclenché une vague de protestations »)."""
    return count > 1 and DEATH_OF.search(before) is not None


RESTATING = re.compile(r"\b(?:les|ces)\s*$", re.I)  # « les deux hommes » are the two just counted
KILLING_NOUN_BEFORE = re.compile(r"\b(massacres?|exécutions?|meurtres?|assassinats?)\b[^.;:]{0,80}\bd(?:e|')\s*$", re.I)
_ONE = (  # « tuant l'un de ses membres », « Une habitante de Chebekino a été tuée », « Un des assaillants »
    r"(?:(?:l')?une? (?:(?:de|d'entre) (?:ses|leurs|les)|des)\s|(?:une|un|son|sa|leur|le|la)\s|l')\s*"
)
KILLED_WITH = re.compile(  # « tuant une femme et ses deux enfants »: the figure counted with the one before it
    rf"\b(?:{_words('kill_words_before.txt')})\s+{_ONE}\w+(?:\s+(?:de|d')?\s*\w+){{0,2}}\s+et(?:\s+(?:ses|leurs|les|sa|son))?\s*$",
    re.I,
)
_OF_A_NAMED_GROUP = (  # « un jeune combattant de la Brigade de Jénine est tombé en martyr »
    r"(?:\s+(?:de la|de l'|du|des|de|d')\s*[A-ZÀ-Ý][\w'-]+(?:\s+(?:de\s+|d')?[A-ZÀ-Ý][\w'-]+){0,3})"
)
ONE_KILLED = re.compile(  # "tuant son conducteur", "a abattu un policier", "Un soldat a été tué"
    rf"\b(?:tuant|tué|abattu|abattant|exécuté|exécutant|éliminé|neutralisé|coûté la vie à|battu à mort|lynché)\s+"
    rf"{_ONE}(?P<after>\w+)"
    rf"|\b{_ONE}(?P<before>\w+)(?:\s+\w+)?{_OF_A_NAMED_GROUP}?(?:\s+[A-ZÀ-Ý][\w'-]+){{0,3}}"
    r"(?:\s+(?:accusée?|soupçonnée?|suspectée?)\s(?:(?!\s(?:a|ont|est|sont|avait)\s)[^.;,«»]){0,80}?)?"  # « un homme
    # accusé par des habitants d'être un informateur des insurgés a été battu à mort »
    r"\s+(?:a été|est|aurait été|avait été|était)\s+"
    r"(?:tuée?|abattue?|exécutée?|assassinée?|lynchée?|égorgée?|décapitée?|mortellement|tombée? en martyr|morte?"
    r"|battue? à mort)\b"
    rf"|\b(?:sur|contre)\s+{_ONE}(?P<shot>\w+)[^.;]{{0,60}}?,\s+(?:le|la|l')\s*(?:tuant|abattant)\b",  # "..., le tuant"
    re.I,
)
# « Un premier bilan, communiqué dimanche matin par le maire de la capitale, Vitali Klitschko, faisait état de »
EARLIER = re.compile(rf"\b(?:{_words('earlier_toll_phrases.txt')})\b[^.;]{{0,120}}$", re.I)
UPDATED_AFTER = re.compile(  # "23 corps ont été retrouvés à ce jour, contre 16 annoncés lundi"
    r"\b(?:à ce jour|jusqu'ici|contre (?:\d+|[\w-]+) (?:annoncée?s?|la veille|précédemment|initialement))\b", re.I
)
SUPERSEDED = re.compile(rf"\b(?:{_words('superseding_words.txt')})\b", re.I)  # a later figure follows
UPDATE = re.compile(  # « a été porté lundi à 14 morts »: a day may stand between the verb and its figure
    r"\b(bilan|porté (?:\w+ ){0,2}à|passé (?:\w+ ){0,2}à|s'est alourdi|s'élève à|au total|à la hausse)\b", re.I
)
REVISED_COUNT = re.compile(rf"\b(?:{_words('revised_toll_phrases.txt')})\b", re.I)  # « Selon le bilan définitif »
NOT_PEOPLE = re.compile(rf"^\s*(?:autres?\s+)?({_words('not_people_nouns.txt')})(?!\w)", re.I)  # « deux autres drones »
UNARMED = re.compile(rf"\s+(?:{_words('unarmed_words.txt')})\b", re.I)
LISTED = re.compile(  # « tuant trois membres de gangs, mais aussi une marchande de fritures et un enfant »
    r"\s*(?:(?:de|du|des|d')\s*[\w'-]+\s*)?(?:,|et|,\s*et|,?\s*mais aussi)\s*(?:au moins\s*)?", re.I
)
GAP = 70  # characters between a figure and the verb it goes with
APPOSED_PART = re.compile(  # after up to two words of the noun's own: « Cinq soldats irakiens, dont un officier, »
    r"(?P<lead>(?:\s*[\w'-]+){0,2}?)\s*(?:,|\(|\s[-–—])\s*dont [^.;()–—]{1,60}?(?:,|\)|\s[-–—])"
)
RELATIVE = re.compile(
    r"^[^,;.:]{0,30}?\bqui\s+(?:s'|se\s+)?\w+ai(?:en)?t\b[^,;.:]{0,70}?(?=\s(?:ont|a|avaient|auraient)\s)"
)
APPOSED_NAME = re.compile(  # a name set off by commas, or what it is: « (CJTF), une milice d'autodéfense qui ..., »
    r",\s*(?:(?:les|le|la|l')\s*(?=[^,;.:]*[A-ZÀ-Ý])|(?:une|un)\s+)[^,;.:]{2,90},"
)
UNITS = re.compile(r"\s*(?:d'armée|d'élite|expéditionnaires?|diplomatiques?|de la garde|des gardiens)\b", re.I)
OF_A_TOTAL = re.compile(rf"\s+(?:des|d'entre les)\s+{_FIGURE}\b", re.I)  # "12 des 25 personnes": 12 of them
OF_A_TOTAL_BEFORE = re.compile(rf"\b{_FIGURE}\s+(?:des|d'entre les)\s*$", re.I)
RAISED_TO = re.compile(  # a figure that updates a toll: « il a été revu à sept », « avant de revoir ce bilan à sept »
    r"\b(?:(?:porté|passé|alourdi|grimpé|monté|revu)e?(?:\s+(?!la\b|le\b|les\b)\w+){0,2}"  # « porté dimanche à »
    r"|(?:revoir|porter|porté|revu)(?:\s+(?!ce\b|le\b|son\b)\w+)?\s+(?:ce |le |son )?bilan)e?\s+à\s*$",  # « avant
    re.I,  # de porter mercredi ce bilan à 19 »
)
TOLL_NOUN = re.compile(r"\bbilan\b", re.I)
ALSO_AFTER = re.compile(  # the outcome told, then more of it: « ... ont été tués, ainsi que quatre assaillants »
    rf"\b(tuée?s?|morte?s?|blessée?s?)\s*,?\s*(?:{_words('toll_continuers.txt')})\s*(?:au moins\s*)?$", re.I
)
_BOMBER_NOUN = r"(?:kamikaze|auteure? de l'attentat|assaillante?)"
_BOMBER = rf"(?:la\s+|le\s+|l')?{_BOMBER_NOUN}\b"
BOMBER_TOO = re.compile(  # « tuant neuf personnes en plus de la kamikaze »: ACLED counts the bomber too
    rf"\ben plus (?:d[ue]|d')\s*{_BOMBER}"
    r"|\b(?:outre|sans compter|ainsi que)\s+(?:la\s+|le\s+|l')?(?:kamikaze|auteure? de l'attentat)\b"
    r"|\ben plus (?:d'elle|de lui)-même\b",  # « tuant six personnes en plus d'elle-même », « de lui-même »
    re.I,
)
BOMBER_DIED = re.compile(  # the bomber's death told apart: « Le kamikaze a également péri dans l'explosion »,
    rf"\b{_BOMBER}\s+(?:a|avait|aurait)\s+(?:également|aussi)\s+(?:péri|été tuée?|trouvé la mort|succombé)\b"
    rf"|\bet\s+{_BOMBER}\s+(?:ont|avaient|auraient)\s+(?:été tués|péri|trouvé la mort)\b"  # « Trois gardes et
    r"|\bne tuant qu(?:'|e )(?:elle|lui)-même\b",  # l'auteur de l'attentat ont été tués », « ne tuant qu'elle-même »
    re.I,
)
BOMBERS_AMONG_THEM = re.compile(  # « six personnes, dont lui-même », « dont la kamikaze »: counted already
    rf"\b(?:dont|y compris|parmi lesquels|parmi eux)\s+(?:la\s+|le\s+|l'|les\s+)?(?:deux\s+)?{_BOMBER_NOUN}s?\b"
    r"|\b(?:dont|y compris)\s+(?:lui|elle|eux)-mêmes?",
    re.I,
)
BOMBER_COUNT = re.compile(r"\b(deux|trois|\d+)\s+(?:femmes?\s+)?kamikazes\b", re.I)  # « deux kamikazes »: two
PART_CLAUSE = re.compile(r"\bdont\b[^,.;:()–—]*$")


@dataclass(frozen=True, slots=True)
class Toll:
    start: int
    end: int
    outcome: str  # KILLED or INJURED
    count: int
    victims: str
    update: bool = False
    earlier: bool = False  # "un premier bilan faisait état de douze morts": superseded, not added
    restated: bool = False  # « les deux hommes ... ont été abattus »: the dead already counted, named again
    running: bool = False  # « un troisième policier a succombé »: how many of that group are dead now

    @property
    def code(self) -> int:
        """The third field of the span's kb_id: 0 a new count, 1 an update, 2 an earlier figure, 3 restated, 4 the
        running total of a group."""
        return 4 if self.running else 2 if self.earlier else 3 if self.restated else int(self.update)


def number_value(text: str) -> int | None:
    low = text.lower().strip()
    if low in VAGUE:
        return VAGUE[low]
    if (written := compound_value(low)) is not None:
        return written  # « vingt-trois »
    digits = re.sub(r"[  .]", "", low)
    return int(digits) if digits.isdigit() and len(digits) <= 9 else None  # no toll reaches a billion


def _outcome_after(text: str, pos: int) -> tuple[str, int] | None:
    """The first kill or injury word after ``pos`` within the gap, unless another figure comes first."""
    window = text[pos : pos + GAP]
    aside = APPOSED_PART.match(window)  # "deux civils, dont un enfant, auraient été tués"
    lead = aside.group("lead") if aside else ""
    if aside and (KILLED.search(lead) or INJURED.search(lead)):
        aside = None  # « quatre civils tués, dont un chef de quartier, une dizaine de cases incendiées »: told
    if aside:
        window = window[: aside.end("lead")] + " " * (aside.end() - aside.end("lead")) + window[aside.end() :]
    longer = text[pos : pos + 2 * GAP]
    named = APPOSED_NAME.search(longer)  # "23 soldats et supplétifs, les Volontaires pour ..., ont été tués"
    if named and named.start() < GAP and not aside:
        blank = " " * (named.end() - named.start())
        window = longer[: named.start()] + blank + longer[named.end() : named.end() + GAP - named.start()]
    relative = RELATIVE.match(longer)  # « des dizaines d'individus armés qui s'apprêtaient à attaquer des positions
    if relative and not aside and not named:  # des FDS ont été neutralisés »: the clause is no verb of theirs
        window = " " * relative.end() + longer[relative.end() : relative.end() + GAP]
    stop = re.search(r"[.;:!?]|\b(?:dont|mais|tandis)\b|\balors\s+qu(?:e\b|['’])", window)  # not « alors été tués »
    if stop:
        window = window[: stop.start()]
    hits = [(m.start(), "KILLED") for m in KILLED.finditer(window)] + [
        (m.start(), "INJURED") for m in INJURED.finditer(window)
    ]
    if not hits:
        return None
    offset, outcome = min(hits)
    if taken_before_another_figure(window, offset):
        return None  # « 25 personnes ont été enlevées et qu'un fidèle a été abattu »: the one killed is another
    word = (KILLED if outcome == "KILLED" else INJURED).match(window, offset)
    if outcome == "INJURED" and word and (died := succumbed_after(window, word.end())):
        offset, outcome, word = died.start(), "KILLED", died  # « Deux autres soldats, grièvement blessés, ont
        # succombé »: the wounded died
    after_word = window[word.end() :] if word else ""
    if re.match(rf"\s+(?:\w+ment\s+)?(?:au moins\s+)?{_FIGURE}\b", after_word, re.I):
        return None  # "ont enlevé une quarantaine de villageois ... et tué trois personnes": the next figure's verb
    return outcome, pos + offset + 1


def without_the_one_in_the_total(tolls: list[Toll], text: str) -> list[Toll]:
    """« a porté le bilan à trois soldats tués : un sous-officier ... a succombé à ses blessures »: the one who died
    of his wounds is one of the new total, not one more."""
    totals = [t for t in tolls if t.update and t.outcome == "KILLED" and t.count > 1]
    if not totals:
        return tolls
    first = totals[0].end
    return [
        t
        for t in tolls
        if not (
            t.count == 1
            and t.start >= first
            and EXPLAINED.search(text, first, t.start + 1) is not None
            and DIED_OF_WOUNDS.search(text, t.start, t.end + 40) is not None
        )
    ]


EXPLAINED = re.compile(r":|\b(?:après|dont)\b", re.I)  # the total, then how it grew


def own_count_before(before: str) -> bool:
    """Another voice's own count right before the figure (``lexicons/own_count_phrases.txt``), not a revision."""
    low = " " + " ".join(before.lower().split())
    return any(low.endswith(" " + phrase) for phrase in word_set("lexicons/own_count_phrases.txt"))


def taken_before_another_figure(window: str, kill_at: int) -> bool:
    """The figure's own verb tells they were taken (``lexicons/taken_participles.txt``) and another figure comes
    before the kill word."""
    taken = word_pattern("lexicons/taken_participles.txt").search(window, 0, kill_at)
    return taken is not None and NUMBER.search(window, taken.end(), kill_at) is not None


def succumbed_after(window: str, at: int) -> re.Match[str] | None:
    """« , ont succombé » right after the wounded, no other figure between."""
    died = DIED_OF_WOUNDS.search(window, at)
    apart = died is not None and window[at:].lstrip().startswith(",") and not NUMBER.search(window, at, died.start())
    return died if apart else None


DIED_OF_WOUNDS = re.compile(
    r"\b(?:ont|a|avaient|avait) succombé\b|\bdes suites de (?:leurs|ses) blessures\b|\b(?:est|sont) décédée?s?\b", re.I
)
AMONG = re.compile(r"^\s*(?:morts?|tués)\s+(?:parmi les|dans les rangs des|dans les rangs de l'|du côté des)\s+", re.I)


def among(rest: str) -> str:
    """The victims named after the dead: "cinq morts parmi les combattants", "dans les rangs des soldats"."""
    found = AMONG.match(rest)
    victim = VICTIM.match(rest[found.end() :]) if found else None
    return victim.group("victims").lower() if victim else ""


def no_victims() -> re.Pattern[str]:
    """No victim at all ("aucune victime", "sans faire de victimes"), from ``lexicons/no_victims.txt``."""
    return word_pattern("lexicons/no_victims.txt")


def shot_down_by_air_defence(text: str, at: int) -> bool:
    """An air defence named just before a bare figure (``lexicons/air_defence_words.txt``): it counts what was shot
    down."""
    return word_pattern("lexicons/air_defence_words.txt").search(text, max(0, at - 70), at) is not None


def find_tolls(text: str) -> list[Toll]:
    """Kill and injury counts in one sentence ("aucune victime" is a toll of 0)."""
    text = text.replace("«", " ").replace("»", " ")  # « plusieurs dizaines » d'entre eux: same offsets
    tolls: list[Toll] = [Toll(m.start(), m.end(), "KILLED", 0, "") for m in no_victims().finditer(text)]
    pending: list[tuple[int, int, int, str]] = []  # figures waiting for the verb after "et"
    respective = RESPECTIVELY.search(text) is not None  # searched once: a figure's loop over the text is quadratic
    revision = REVISED_COUNT.search(text)
    for m in NUMBER.finditer(text):
        if pending and CLAUSE_END.search(text, pending[-1][1], m.start()):
            pending.clear()  # « un homme et une femme ont été touchés ... ; à Nikopol, un retraité a été tué »
        count = number_value(m.group("num"))
        if OF_A_TOTAL_BEFORE.search(text[max(0, m.start("num") - 20) : m.start("num")]):
            continue  # the 25 of "12 des 25 personnes": the figure before counts them
        whole = OF_A_TOTAL.match(text, m.end("num"))
        tail = whole.end() if whole else m.end()  # "12 des 25 personnes détenues ... sont mortes": 12 dead
        rest = text[tail : tail + 300]  # enough for the words after a figure; never the whole rest
        if count is None or NOT_PEOPLE.match(rest) or (count > 1900 and m.group("num").isdigit()):
            continue
        if PART_CLAUSE.search(text[max(0, m.start() - 80) : m.start()]):
            continue  # "six civils, dont deux enfants et une femme": parts of a figure already counted
        victim = VICTIM.match(rest)
        victims = victim.group("victims").lower() if victim else ""
        if victim and UNARMED.match(rest[victim.end() :]):
            victims = "civils"  # "31 hommes non armés": civilians, whatever the noun
        if re.match(r"\s*(morts?|tués)\b", rest, re.I):
            victims = among(rest)  # "cinq morts parmi les combattants": combattants
        after = tail + (victim.end() if victim else 0)
        opens = next((start for start, end, _, victims in pending if not victims), m.start())  # a list's words before
        before = text[max(0, opens - 45) : opens]  # its first figure: « ont tué respectivement deux et un civils »
        direct = re.match(r"\s*(morts?|tués|tuées|blessée?s?|corps|cadavres|martyrs?)\b", rest, re.I)
        if direct and UNITS.match(rest, direct.end()):
            direct = None  # "les 12 corps d'armée": units, not bodies
        if direct and direct.group(1).lower() in {"corps", "cadavres", "martyrs", "martyr"}:
            victims = direct.group(1).lower()  # "21 corps ... quatre martyrs": two figures, both counted
        if not (victim or direct) and respective and FIGURE_NEXT.match(text, m.end()):
            pending.append((m.start(), m.end(), count, ""))  # « respectivement deux et un civils »: the noun after
            continue  # the last figure counts the first too
        if not (victim or direct) and shot_down_by_air_defence(text, m.start()):
            continue  # « la défense antiaérienne en a abattu ou neutralisé 41 »: drones, not people
        if direct:
            kind = "INJURED" if direct.group(1).lower().startswith("bless") else "KILLED"
            outcome: tuple[str, int] | None = (kind, tail + direct.end())
        elif KILL_VERB_BEFORE.search(before):
            outcome = ("KILLED", after)  # "a tué quatre personnes et en a blessé 12": the verb before rules
            if not victim and ENEMY_VERB_BEFORE.search(before) and not re.match(r"\s*[^\W\d]", rest):
                victims = "neutralisés"  # « en ont « neutralisé 14 » »: enemy fighters, not everyone dead
        elif INJURE_BEFORE.search(before) and victim:
            outcome = ("INJURED", after)  # "des tirs ont touché Bilozerka, blessant quatre personnes"
        elif victim and dies_of(before, count):
            outcome = ("KILLED", after)  # « la perte de quatre soldats, ainsi que sept blessés »: not the wounded
        else:
            outcome = _outcome_after(text, after)
        earlier = bool(EARLIER.search(text[max(0, m.start() - 110) : m.start()]))
        if earlier and tolls and SUPERSEDED.search(text, tolls[-1].end, m.start()):
            earlier = False  # « ont d'abord fait état de douze morts, avant d'annoncer un bilan de dix-neuf tués »
        told_before, told_after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 80]
        revised = revision is not None and revision.end() <= m.start()  # « Selon le bilan définitif ..., »
        update = not earlier and bool(UPDATE.search(told_before) or UPDATED_AFTER.search(told_after) or revised)
        update = update and not own_count_before(told_before)  # « La société civile avance un bilan de 18 morts »
        any_word = r"\s*(morts?\b|\w)" if m.group("num").lower() not in {"un", "une"} else r"\s*morts?\b"
        if outcome is None and KILL_BEFORE.search(before) and (victim or re.match(any_word, rest)):
            outcome = ("KILLED", after)  # "tuant « plus de 20 khawarij »": whoever they are; not « a fait une
            # incursion »
        if outcome is None and victim and KILLING_NOUN_BEFORE.search(text[max(0, m.start() - 100) : m.start()]):
            outcome = ("KILLED", after)  # "le massacre présumé par l'armée d'environ 300 personnes"
        if (
            outcome is None
            and victim
            and (SHOT_DOWN.search(before) or dies_of(before, count) or KILLED_WITH.search(before))
        ):
            outcome = ("KILLED", after)  # « a abattu sept bandits » (not drones), « la mort de trois soldats »,
            # « tuant une femme et ses deux enfants »
        if outcome is None and victim and tolls and LISTED.fullmatch(text[tolls[-1].end : m.start()]):
            outcome = (tolls[-1].outcome, after)  # "tuant 49 civils et 15 militaires": the second figure too
        if (
            outcome is None
            and victim
            and respective
            and tolls
            and RESPECTIVE_NEXT.fullmatch(text[tolls[-1].end : m.start()])
        ):
            outcome = (tolls[-1].outcome, after)  # « ont tué respectivement trois personnes dans une voiture à Bint
            # Jbeil et un motocycliste sur la route de Kfar Remmane »
        if outcome is None and victim and (also := ALSO_AFTER.search(before)):
            kind = "INJURED" if also.group(1).lower().startswith("bless") else "KILLED"
            outcome = (kind, after)  # « Deux d'entre eux et un civil ont été tués, ainsi que quatre assaillants »
        if (recounted := count_raised(text, m, before)) is not None:
            tolls.append(Toll(m.start(), recounted[1], recounted[0], count, recounted[2], update=True))
            continue  # « ce qui porte à six le nombre de militaires tués »
        raised = RAISED_TO.search(before) and (tolls or TOLL_NOUN.search(text, 0, m.start()))
        if not victim and not direct and raised:  # not the wounded after it: « porter ce bilan à 19, plusieurs
            # blessés ayant succombé »
            kind = tolls[-1].outcome if tolls else "KILLED"  # « cinq morts ; il a été porté à onze »
            tolls.append(Toll(m.start(), m.end(), kind, count, tolls[-1].victims if tolls else "", update=True))
            continue
        if outcome is None:
            if victim and re.match(r"\s*(et|,)\s", text[after : after + 5]):
                pending.append((m.start(), after, count, victims))
            continue
        kind, end = outcome
        update = update or any(t.update and t.end == end for t in tolls)  # « revu ce bilan à la hausse : cinq
        # militaires et quatorze assaillants ont péri »: figures of one verb, one update
        if EITHER_OUTCOME.search(text, m.end(), end + 20):
            pending.clear()
            continue  # « a perdu 930 soldats tués ou blessés »: casualties, not a count of the dead
        for p_start, _, p_count, p_victims in pending:
            tolls.append(Toll(p_start, end, kind, p_count, p_victims or victims, update, earlier=earlier))
        pending.clear()
        if victim or direct or KILL_BEFORE.search(before):
            restated = bool(victim) and RESTATING.search(before) is not None
            tolls.append(Toll(m.start(), end, kind, count, victims, update, earlier=earlier, restated=restated))
    tolls = without_a_split(tolls, text)
    tolls = without_the_one_in_the_total(tolls, text)
    tolls += [Toll(m.start(), m.end(), "KILLED", 1, "kamikaze") for m in BOMBER_TOO.finditer(text) if tolls]
    tolls += [Toll(m.start(), m.end(), "KILLED", 1, "kamikaze") for m in BOMBER_DIED.finditer(text)]
    if not any(t.update for t in tolls):  # not « Un second agent a succombé ..., portant le bilan à deux morts »
        died = list(ONE_MORE_DIED.finditer(text)) + list(BODY_OF_ONE_MORE.finditer(text))
        more = died + [m for m in succumbed(text, tolls) if not any(d.start() <= m.start() < d.end() for d in died)]
        tolls += [one_more(text, m, tolls) for m in more]
    counted = [(t.start, t.end) for t in tolls]
    singles = one_killed(text) or ([] if any(t.outcome == "KILLED" for t in tolls) else killed_by_pronoun(text))
    return tolls + [t for t in singles if not any(s < t.end and t.start < e for s, e in counted)]


ONE_MORE = "un de plus"  # the victims of a toll that adds one to the dead told, whoever they were
ORDINALS = {row["word"]: int(row["count"]) for row in read_tsv("lexicons/ordinals.tsv")}
ORDINAL_BEFORE = re.compile(rf"\b(?:un|une|le|la)\s+({'|'.join(ORDINALS)})\b(?:\s+([a-zéèêàç]+))?[^.;]{{0,60}}$", re.I)
ONE_MORE_DIED = re.compile(  # « un troisième militaire a succombé à ses blessures »: one more of the dead told
    rf"\b(?:un|une)\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+"
    r"(?:(?P<victims>[a-zéèêàç]+)\s+(?:a|est|avait|était)\s+(?:succombé|mort|morte|décédé|décédée|péri)"
    r"|(?P<death>décès|mort)\b(?!\s+(?:de|du|des|d')\s))",  # « a fait état d'un troisième décès »
    re.I,
)


BODY_OF_ONE_MORE = re.compile(  # « les secouristes ont retiré des décombres le corps d'une quatrième victime »
    rf"\b(?:corps|dépouille)\s+d'(?:un|une)\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+(?P<victims>[a-zéèêàç]+)", re.I
)


def one_more(text: str, found: re.Match[str], tolls: list[Toll]) -> Toll:
    """One more dead: the running total when the sentence tells it (« un troisième, grièvement brûlé, a succombé »:
    three in all; « Un premier bilan faisait état de trois morts, mais une femme est décédée »: four), else one to
    add."""
    ordinal, noun = found.groupdict().get("ordinal"), found.groupdict().get("victims") or ""
    if ordinal is None and (named := ORDINAL_BEFORE.search(text[max(0, found.start() - 70) : found.start()])):
        ordinal, noun = named.group(1), named.group(2) or ""
    killed = [t for t in tolls if t.outcome == "KILLED" and t.end <= found.start() and t.victims != ONE_MORE]
    group = noun.lower() if VICTIM.match(noun) else killed[-1].victims if killed else ""
    if ordinal:
        return Toll(found.start(), found.end(), "KILLED", ORDINALS[ordinal.lower()], group, running=True)
    earlier = [t for t in killed if t.earlier]
    if earlier:
        return Toll(found.start(), found.end(), "KILLED", earlier[-1].count + 1, earlier[-1].victims, running=True)
    return Toll(found.start(), found.end(), "KILLED", 1, ONE_MORE)


SUCCUMBED = re.compile(rf"\b(?:{_words('succumbing_verbs.txt')})\b", re.I)
NOT_ONE_MORE = re.compile(r"(?:\bqui|\bdont\b[^,;.]*)\s*$", re.I)


def succumbed(text: str, tolls: list[Toll]) -> list[re.Match[str]]:
    """« sa passagère a succombé à ses blessures quelques heures plus tard », « un homme de 47 ans touché mercredi par
    un drone ... a succombé le lendemain »: one more dead, unless a toll already tells it or it is one of a figure's
    dead (« dont un enfant qui a succombé »)."""
    found = []
    for m in SUCCUMBED.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if NOT_ONE_MORE.search(before) or any(t.start <= m.start() < t.end + 3 for t in tolls):
            continue
        found.append(m)
    return found


RAISES = re.compile(r"\b(?:porte|portent|portant|portait|porté|portera|élève|élevant)\s+à\s*$", re.I)
NUMBER_OF = re.compile(  # « le nombre de militaires tués », « le bilan des victimes », « le nombre de blessés »
    r"\s*(?:le|au)\s+(?:nombre|bilan|total)\s+(?:de|des|d')\s*(?P<what>[\w-]+)"
    r"(?:\s+(?P<outcome>tués|tuées|morts|mortes|décédés|blessés|blessées))?",
    re.I,
)
SINCE = re.compile(r"[^.;]{0,150}\bdepuis\b", re.I)  # « ... le nombre de morts depuis lundi »: a running tally


def count_raised(text: str, figure: re.Match[str], before: str) -> tuple[str, int, str] | None:
    """« portant à 12 le nombre de morts », « ce qui porte à six le nombre de militaires tués »: the new count of the
    event's dead (or wounded), as (outcome, end, victims); None for other figures and for tallies « depuis lundi »."""
    counted = NUMBER_OF.match(text, figure.end())
    if counted is None or not RAISES.search(before) or SINCE.match(text, counted.end()):
        return None
    what, outcome = counted.group("what").lower(), (counted.group("outcome") or "").lower()
    if what.startswith("bless") or outcome.startswith("bless"):
        return "INJURED", counted.end(), ""
    if outcome or what in {"morts", "tués", "victimes", "décès"}:
        return "KILLED", counted.end(), what if outcome and VICTIM.match(f" {what}") else ""
    return None


CLAUSE_END = re.compile(r"[.;:!?]")
RESPECTIVELY = re.compile(r"\brespectivement\b", re.I)  # « ont fait respectivement sept et douze morts »
RESPECTIVE_NEXT = re.compile(r"[^.;:]{0,120}?,?\s+et(?:\s+au moins)?\s*")  # the next share of a respective toll
FIGURE_NEXT = re.compile(rf"\s*(?:,|et)\s*{_FIGURE}\b", re.I)
EITHER_OUTCOME = re.compile(  # « tués ou blessés », « tués et blessés », « morts et (de) blessés », « morts et
    r"\b(?:tués|morts)\s+(?:ou|et)\s+(?:de\s+)?blessés|\bblessés\s+(?:ou|et)\s+(?:de\s+)?(?:tués|morts)\b"
    r"|\bmorts\s+et\s+blessés\s+confondus\b",  # blessés confondus »: the dead not told apart
    re.I,
)
SPLIT_OPENS = re.compile(r"^[^,;.]*,\s*$")  # « huit combattants, » then how they split
SPLIT_GOES_ON = re.compile(r"^[^,;.]*(?:,|\bet\b)\s*(?:au moins\s*)?$")


def without_a_split(tolls: list[Toll], text: str) -> list[Toll]:
    """A figure followed, between commas, by figures that add up to it is counted once: « au moins huit combattants,
    cinq rebelles et trois soldats, ont été tués » is eight."""
    for i, total in enumerate(tolls):
        run: list[Toll] = []
        for part in tolls[i + 1 :]:
            gap = text[(run[-1] if run else total).start : part.start]
            if part.outcome != total.outcome or not (SPLIT_GOES_ON if run else SPLIT_OPENS).match(gap):
                break
            run.append(part)
            if len(run) >= 2 and sum(p.count for p in run) == total.count:
                return [t for t in tolls if t not in run]
    return tolls


def one_killed(text: str) -> list[Toll]:
    """A single person killed, with no figure: "tuant son conducteur", "Un soldat a été tué", "ont ouvert le feu sur
    un berger ..., le tuant" (1)."""
    out = []
    for m in ONE_KILLED.finditer(text):
        told = m.group("after") or m.group("shot")
        if told is None:  # the words up to the verb (re.I lets the capitalised names be any words)
            told = re.split(r"\s+(?:a été|est|aurait été|avait été|était)\s+", m.group(0))[0][
                m.start("before") - m.start() :
            ]
        words = told.lower().split()
        noun = next((w for w in words if VICTIM.match(w) or w in one_victim_nouns()), None)
        if noun is not None and (noun == words[0] or words[0] in word_set("lexicons/noun_qualifiers.txt")):
            out.append(Toll(m.start(), m.end(), "KILLED", 1, noun))
    return out


KILLED_BY_PRONOUN = re.compile(  # « des jeunes ont intercepté un motocycliste ..., puis l'ont battu à mort »
    r"\bl['’](?:ont|a|avaient|avait|auraient|aurait)\s+(?:ensuite\s+|alors\s+)?"
    r"(?:(?:battue?|tabassée?|lapidée?)\s+à\s+mort|lynchée?|abattue?|tuée?|exécutée?|égorgée?)\b",
    re.I,
)
ONE_NAMED_BEFORE = re.compile(r"\b(?:un|une)\s+(\w+)", re.I)


def killed_by_pronoun(text: str) -> list[Toll]:
    """« ... un motocycliste, l'accusant d'avoir renseigné les assaillants, puis l'ont battu à mort » (1): the one the
    pronoun stands for, a person named before it in the sentence."""
    out = []
    for m in KILLED_BY_PRONOUN.finditer(text):
        named = [n.group(1).lower() for n in ONE_NAMED_BEFORE.finditer(text, 0, m.start())]
        noun = next((w for w in reversed(named) if VICTIM.match(w) or w in one_victim_nouns()), None)
        if noun is not None:  # a person the toll nouns do not list (« un motocycliste ») counts as one of the dead
            out.append(Toll(m.start(), m.end(), "KILLED", 1, noun if noun in typed_victims() else "civil"))
    return out


@cache
def typed_victims() -> frozenset[str]:
    """The toll nouns ``lexicons/victim_nouns.tsv`` says are armed or not."""
    return frozenset(row["noun"] for row in read_tsv("lexicons/victim_nouns.tsv"))


@cache
def one_victim_nouns() -> frozenset[str]:
    """Singular nouns of a person killed that are not toll nouns ("son conducteur", "un berger")."""
    return frozenset(read_lines("lexicons/one_victim_nouns.txt"))


class TollFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for sent in doc.sents:
            for toll in find_tolls(span_text(sent)):
                span = doc.char_span(
                    sent.start_char + toll.start,
                    sent.start_char + toll.end,
                    label=toll.outcome,
                    kb_id=f"{toll.count}|{toll.victims}|{toll.code}",
                    alignment_mode="expand",
                )
                if span is not None and not in_boilerplate(span):
                    spans.append(span)
        doc.spans["temoin_tolls"] = spans
        return doc


@Language.factory("temoin_tolls", assigns=["doc.spans"], requires=["token.is_sent_start"], default_config={})
def make_toll_finder(nlp: Language, name: str) -> TollFinder:
    return TollFinder(nlp, name)
