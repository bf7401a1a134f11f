"""The ``temoin_actors`` component: who is named, whatever the article calls them.

Writes ``doc.spans["temoin_actors"]`` with ``label_`` the PLOVER sector and
``kb_id_`` one of:

- ``named:<id>``: a row of ``data/actors/actors.tsv`` (HTS, JNIM, M23, MONUSCO...);
- ``state:<ISO3>``: a state's forces qualified by nationality ("l'armée syrienne",
  "des avions russes", "le convoi américain", "les Américains");
- ``state:<ISO3>`` also for a state named by its name or capital as the subject or agent
  of a verb ("la Russie a bombardé", "Moscou a lancé des missiles", "frappé par Israël");
- ``state:?``: a state's forces named bare ("l'armée", "les militaires"), the
  country being the one the article is about (resolved when events are coded);
- ``generic:<phrase>``: an unnamed group ("terroristes", "hommes armés", "civils").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from temoin.countries import Country, country_lexicon
from temoin.resources import read_tsv, split_variants, word_set

LOOKAHEAD = 7  # "l'aviation de guerre de l'ennemi sioniste": modifiers between the noun and its nationality
_DETERMINERS = {"l'", "la", "le", "les", "leurs", "leur", "ses", "son", "sa", "cette", "ces", "ce"}
_QUANTIFIERS = _DETERMINERS | {"des", "plusieurs", "quelques", "nos", "nombreux", "dizaines", "centaines"}
_INDEFINITE = {"des", "de", "d'"}  # before a demonym: people of that country, not its forces
_COUNTS = {"dizaines", "centaines", "milliers", "dizaine", "centaine", "vingtaine", "trentaine", "cinquantaine"}


@dataclass(frozen=True, slots=True)
class NamedActor:
    id: str
    name: str
    country: str
    sector: str


@cache
def named_actors() -> dict[str, NamedActor]:
    return {
        row["id"]: NamedActor(row["id"], row["name"], row["country"], row["sector"])
        for row in read_tsv("actors/actors.tsv")
    }


@cache
def named_actor_variants() -> list[tuple[str, str]]:
    out = []
    for row in read_tsv("actors/actors.tsv"):
        for variant in {row["name"], *split_variants(row["variants"])}:
            out += [(row["id"], form) for form in dict.fromkeys([variant, bare_capitals(variant)])]
    return out


def bare_capitals(text: str) -> str:
    """French capitals are often written without their accent: « le Commandement des Etats-Unis pour l'Afrique »."""
    return text.translate(BARE_CAPITALS)


BARE_CAPITALS = str.maketrans("ÉÈÊÀÂÎÔÛÇ", "EEEAAIOUC")


@cache
def namesakes() -> dict[str, tuple[str, ...]]:
    """The ids of the rows that share a name (« Front de salut national »: Tunisia's coalition, South Sudan's
    rebels), by the name lowercased."""
    ids: dict[str, list[str]] = {}
    for actor_id, variant in named_actor_variants():
        ids.setdefault(variant.lower(), []).append(actor_id)
    return {name: tuple(dict.fromkeys(found)) for name, found in ids.items() if len(set(found)) > 1}


@cache
def missions_at_home() -> dict[tuple[str, str], str]:
    """(force, host country) to the mission meant, from ``actors/peacekeeping_missions.tsv``: « les casques bleus »
    in Bangui are MINUSCA's."""
    return {(row["force"], row["where"]): row["mission"] for row in read_tsv("actors/peacekeeping_missions.tsv")}


def stands_for_a_mission(ident: str) -> bool:
    """A force named by no mission (« les casques bleus »): its soldiers, not the mission that speaks."""
    return ident in unnamed_forces()


@cache
def unnamed_forces() -> frozenset[str]:
    return frozenset(force for force, _ in missions_at_home())


@cache
def force_nouns() -> dict[str, tuple[str, bool]]:
    return {row["noun"]: (row["sector"], row["bare"] == "yes") for row in read_tsv("lexicons/force_nouns.tsv")}


def force_modifiers() -> frozenset[str]:
    return word_set("lexicons/force_modifiers.txt")


@cache
def state_metonyms() -> list[tuple[str, str]]:
    """(iso3, name) for every country name and alias, and the capitals news uses for their states."""
    out = [(row["iso3"], name) for row in read_tsv("actors/capitals.tsv") for name in split_variants(row["names"])]
    for row in read_tsv("actors/countries.tsv"):
        out += [(row["iso3"], name) for name in [row["name_fr"], *split_variants(row.get("aliases", ""))]]
    return out


@cache
def generic_actors() -> dict[str, tuple[str, str]]:
    return {row["phrase"]: (row["sector"], row["name"]) for row in read_tsv("lexicons/generic_actors.tsv")}


def is_acronym(variant: str) -> bool:
    letters = [c for c in variant if c.isalpha()]
    return len(variant) <= 6 and bool(letters) and all(c.isupper() for c in letters)


class ActorFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor_id, variant in named_actor_variants():
            matcher = self.exact if is_acronym(variant) else self.lower
            matcher.add(f"named:{actor_id}", [nlp.make_doc(variant)])
        for phrase in generic_actors():
            self.lower.add(f"generic:{phrase}", [nlp.make_doc(phrase)])
        self.states = PhraseMatcher(nlp.vocab, attr="LOWER")
        for iso3, name in state_metonyms():
            self.states.add(f"state:{iso3}", [nlp.make_doc(name)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [self._matched(doc, key, s, e) for key, s, e in [*self.lower(doc), *self.exact(doc)]]
        spans += state_forces(doc)
        states = [(doc.vocab.strings[k], b, e) for k, b, e in self.states(doc)]
        spans += acting_states(doc, states) + labelled_states(doc, spans, states)
        spans = [s for s in spans if not (names_a_standard(s) or qualifies_a_weapon(s) or says_allegiance(s))]
        spans = sorted(filter_spans(spans), key=lambda s: s.start)
        doc.spans["temoin_actors"] = with_the_enemy_named(doc, with_echoed_acronyms(doc, spans))
        return doc

    def _matched(self, doc: Doc, key_hash: int, start: int, end: int) -> Span:
        key = doc.vocab.strings[key_hash]
        kind, _, ident = key.partition(":")
        sector = named_actors()[ident].sector if kind == "named" else generic_actors()[ident][0]
        return Span(doc, start, end, label=sector, kb_id=key)


def says_allegiance(span: Span) -> bool:
    """« les forces du SPLA-IO, fidèles au premier vice-président »: an adjective of allegiance, not the faithful."""
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    words = word_set("lexicons/adjectives_of_allegiance.txt")
    return span.kb_id_.startswith("generic:") and span.text.lower() in words and after in {"à", "au", "aux"}


def qualifies_a_weapon(span: Span) -> bool:
    """« des drones kamikazes »: a word for people that only says what a weapon does (``lexicons/weapon_nouns.txt``)."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return span.kb_id_.startswith("generic:") and before in word_set("lexicons/weapon_nouns.txt")


def names_a_standard(span: Span) -> bool:
    """« des obus de 155 mm de calibre OTAN », « aux normes de l'OTAN »: a standard, not a party
    (``lexicons/standard_nouns.txt``)."""
    standards = word_set("lexicons/standard_nouns.txt")
    before = [t.lower_ for t in span.doc[max(span.start - 3, 0) : span.start]]
    if before and before[-1] in standards:
        return True  # « de calibre OTAN »
    return len(before) == 3 and before[0] in standards and before[1] in {"de", "du"}  # « aux normes de l'OTAN »


ENEMY = "state:enemy"
OCCUPIER = "state:occupier"  # « l'occupation a mené ... »: the enemy the article names (else the land's occupier)


def with_the_enemy_named(doc: Doc, spans: list[Span]) -> list[Span]:
    """Bare forces called the enemy or the occupier (« l'armée d'occupation », « l'artillerie ennemie ») are the
    forces of the state the article last named as such (« l'ennemi sioniste »), not those of the country it is about."""
    out: list[Span] = []
    named = ""
    for span in spans:
        if (
            span.kb_id_.startswith("state:")
            and span.kb_id_ not in {"state:?", ENEMY, OCCUPIER}
            and span.label_ == "MIL"
        ):
            named = span.kb_id_ if called_the_enemy(doc, span) or not named else named
        enemy = span.kb_id_ in {"state:?", ENEMY} and called_the_enemy(doc, span)
        if named and (enemy or span.kb_id_ == OCCUPIER):
            span = Span(doc, span.start, span.end, label=span.label_, kb_id=named)
        out.append(span)  # an enemy the article never names is the land's occupier, if it has one (coding)
    return out


def called_the_enemy(doc: Doc, span: Span) -> bool:
    enemy_words = word_set("lexicons/enemy_words.txt")
    if any(t.lower_ in enemy_words for t in span[1:]):
        return True  # « les forces d'occupation israéliennes »
    for token in doc[span.end : min(len(doc), span.end + 4)]:
        if token.lower_ in enemy_words:
            return True
        if token.lower_ not in {"de", "d'", "l'", "la", "du"} and token.lower_ not in force_modifiers():
            return False
    return False


def with_echoed_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "les Forces de défense et de sécurité (FDS)": the acronym in brackets, there and later in the article,
    is the actor just named (here Burkina Faso's forces), not another actor with the same letters (the SDF)."""
    by_end = {s.end: s for s in spans}
    aliases: dict[str, Span] = {}
    for span in spans:
        named = by_end.get(span.start - 1)
        if named is not None and doc[span.start - 1].text == "(" and is_acronym(span.text):
            aliases[span.text] = named
    out = []
    for span in spans:
        named = aliases.get(span.text)
        out.append(span if named is None else Span(doc, span.start, span.end, label=named.label_, kb_id=named.kb_id_))
    return out


def second_nationality(doc: Doc, end: int) -> Country | None:
    """« des soldats indiens et pakistanais »: a second nationality joined to the first, the other side's men."""
    if end + 1 >= len(doc) or doc[end].lower_ != "et" or not doc[end + 1].is_lower:
        return None
    return country_lexicon().adjective(doc[end + 1].text)


def state_forces(doc: Doc) -> list[Span]:
    """Forces named by a force noun and a nationality, or bare, or by a demonym."""
    lexicon = country_lexicon()
    nouns = force_nouns()
    spans = []
    for token in doc:
        low = token.lower_
        if low in nouns:
            sector, bare = nouns[low]
            country = None
            end = token.i + 1
            for nxt in doc[token.i + 1 : token.i + 1 + LOOKAHEAD]:
                country = lexicon.adjective(nxt.text) if nxt.is_lower or nxt.text == "US" else None
                if country is None and nxt.text[:1].isupper() and doc[nxt.i - 1].lower_ in {"de", "du", "d'", "des"}:
                    country = lexicon.named(nxt.text)
                if country is not None:
                    end = nxt.i + 1
                    break
                if nxt.lower_ not in force_modifiers():
                    break
            if country is not None:
                sector = "MIL" if low == "ministère" and of_defence(doc[token.i + 1 : token.i + 6]) else sector
                spans.append(Span(doc, token.i, end, label=sector, kb_id=f"state:{country.iso3}"))
                if (other := second_nationality(doc, end)) is not None:  # « des soldats indiens et pakistanais »
                    spans.append(Span(doc, end + 1, end + 2, label=sector, kb_id=f"state:{other.iso3}"))
            elif (bare and counted(doc, token.i)) or ours(doc, token.i):
                spans.append(Span(doc, token.i, token.i + 1, label=sector, kb_id="state:?"))
            elif called_the_enemy(doc, doc[token.i : token.i + 1]):  # "l'artillerie ennemie": whose, told later
                spans.append(Span(doc, token.i, token.i + 1, label=sector, kb_id=ENEMY))
            elif (home := home_force_end(doc, token)) is not None:
                spans.append(Span(doc, token.i, home, label=sector, kb_id="state:?"))
        elif (occupied := occupier(doc, token)) is not None:
            spans.append(occupied)
        elif (operation_end := operation_force(doc, token)) is not None:
            spans.append(Span(doc, token.i, operation_end, label="MIL", kb_id="state:?"))
        elif (
            token.text[:1].isupper()
            and low.endswith("s")
            and lexicon.named(low) is None
            and (country := lexicon.adjective(low)) is not None
        ):
            if token.i > 0 and (counted_people(doc[token.i - 1]) or counted_after_a_word(doc, token.i)):
                # "des Soudanais", "158 Palestiniens", « Deux jeunes Palestiniens »
                spans.append(Span(doc, token.i, token.i + 1, label="CVL", kb_id=f"people:{country.iso3}"))
            else:  # "les Américains ont renforcé leur base": the state's forces
                spans.append(Span(doc, token.i, token.i + 1, label="MIL", kb_id=f"state:{country.iso3}"))
        elif one_of_a_people(doc, token) and (country := lexicon.adjective(low)) is not None:
            spans.append(Span(doc, token.i, token.i + 1, label="CVL", kb_id=f"people:{country.iso3}"))
    return spans


def one_of_a_people(doc: Doc, token: Token) -> bool:
    """« un Palestinien a été tué », « une Syrienne »: one person of a people, named by a capitalised demonym."""
    one = token.i > 0 and doc[token.i - 1].lower_ in {"un", "une"}
    return (
        one and token.text[:1].isupper() and not token.lower_.endswith("s") and token.pos_ in {"NOUN", "PROPN", "ADJ"}
    )


def occupier(doc: Doc, noun: Token) -> Span | None:
    """ "l'occupation a mené une campagne d'arrestations", "tués par l'occupant", "l'occupation turque a pilonné":
    a foreign army under a partisan name (``lexicons/occupier_nouns.txt``), when it acts or its nationality is named
    (« une attaque des occupants russes »)."""
    if noun.lower_ not in word_set("lexicons/occupier_nouns.txt"):
        return None
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    named = after is not None and after.is_lower and country_lexicon().adjective(after.text) is not None
    if noun.dep_ not in ACTING_DEPS and not named:
        return None
    if noun.head.dep_ in {"acl", "acl:relcl", "advcl"}:
        return None  # « Beryslav, où les occupants pilonnent quotidiennement les quartiers »: an aside
    if after is not None and after.lower_ in {"de", "du", "des", "d'", "d’"}:
        return None  # « l'occupation de la ville », « les occupants du véhicule »
    if noun.i > 0 and (doc[noun.i - 1].like_num or doc[noun.i - 1].lower_ in _COUNTS):
        return None
    country = country_lexicon().adjective(after.text) if after is not None and after.is_lower else None
    if country is not None:
        return Span(doc, noun.i, noun.i + 2, label="MIL", kb_id=f"state:{country.iso3}")
    return Span(doc, noun.i, noun.i + 1, label="MIL", kb_id=OCCUPIER)


ACTING_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}


def operation_force(doc: Doc, word: Token) -> int | None:
    """The end of « opération Garkuwar Kasa » in « une unité de l'opération Garkuwar Kasa »: the men of a named
    military operation are the army of the land it is run in; foreign ones (« opération Barkhane ») are named
    actors, whose match wins the tie."""
    if word.lower_ not in {"opération", "operation"} or word.i < 2 or word.i + 1 >= len(doc):
        return None
    if doc[word.i - 1].lower_ not in {"l'", "l’", "de"} or not doc[word.i + 1].text[:1].isupper():
        return None
    unnamed = {noun for noun, (_, bare) in force_nouns().items() if not bare}  # « des soldats de l'opération
    members = unnamed | word_set("lexicons/operation_members.txt")  # Émergence 4 » are the army already
    owner = doc[word.i - 3] if doc[word.i - 1].lower_ != "de" else doc[word.i - 2]
    if owner.lower_ not in members or doc[owner.i + 1].lower_ not in {"de", "d'", "d’"}:
        return None
    end = word.i + 1
    while end < len(doc) and end <= word.i + 3 and (doc[end].text[:1].isupper() or doc[end].like_num):
        end += 1
    return end


def ours(doc: Doc, i: int) -> bool:
    """ "nos forces", "notre armée": a state outlet's own country's forces (``lexicons/home_possessives.txt``)."""
    return i > 0 and doc[i - 1].lower_ in word_set("lexicons/home_possessives.txt")


def counted_people(before: Token) -> bool:
    """A demonym after an indefinite article or a figure names people, not a state's forces."""
    return before.lower_ in _INDEFINITE or is_figure(before) or before.lower_ in _COUNTS


def is_figure(token: Token) -> bool:
    """« 25 », « vingt-cinq » (which spaCy's ``like_num`` misses, tagged a numeral all the same)."""
    return token.like_num or token.pos_ == "NUM"


def counted_after_a_word(doc: Doc, i: int) -> bool:
    """« Deux jeunes Palestiniens », « trois autres Palestiniens »: a counted word before the demonym."""
    word = doc[i - 1]
    return i > 1 and word.is_lower and word.is_alpha and counted_people(doc[i - 2])


def counted(doc: Doc, i: int) -> bool:
    """ "des soldats", "12 soldats", "des dizaines de soldats": a bare force noun counted is the home forces."""
    before = doc[max(0, i - 2) : i]
    if not before:
        return False
    if before[-1].lower_ in _QUANTIFIERS or is_figure(before[-1]):
        return True
    return len(before) == 2 and before[-1].lower_ in {"de", "d'"} and before[0].lower_ in _COUNTS


def home_force_end(doc: Doc, noun: Token) -> int | None:
    """ "les forces gouvernementales", "les troupes loyalistes": the end of the span, when a word says so."""
    home = word_set("lexicons/home_force_modifiers.txt")
    for nxt in doc[noun.i + 1 : noun.i + 1 + LOOKAHEAD]:
        if nxt.lower_ in home:
            return nxt.i + 1
        if nxt.lower_ not in force_modifiers():
            return None
    return None


def of_defence(words: Span) -> bool:
    """ "ministère russe de la Défense": the ministry speaks for the armed forces."""
    return any(t.lower_ in word_set("lexicons/defence_ministries.txt") for t in words)


def acting_states(doc: Doc, matches: list[tuple[str, int, int]]) -> list[Span]:
    """A state named by its name or capital that acts: the subject or agent of a verb ("la Russie a bombardé
    Kharkiv", "Moscou a lancé des missiles", "tués par Israël"). Elsewhere the name is a place ("à Moscou")."""
    spans = []
    filed = {i for m in doc.spans.get("temoin_masthead", []) if m.label_ == "CITY" for i in range(m.start, m.end)}
    for key, start, end in matches:
        span = doc[start:end]
        if filed.intersection(range(start, end)):
            continue  # "Yaoundé (AFP) - Des combattants ont attaqué": where the dispatch was filed, not who acted
        if not any(t.text[:1].isupper() for t in span):
            continue  # "une grenade lancée dans un bar": a common word, not Grenada ("Grenade")
        if any(acts(t, span) for t in span) and span.root.ent_type_ != "PER":
            spans.append(Span(doc, start, end, label="MIL", kb_id=key))
    return spans


@cache
def capital_names() -> frozenset[str]:
    return frozenset(n.lower() for row in read_tsv("actors/capitals.tsv") for n in split_variants(row["names"]))


def labelled_states(doc: Doc, spans: list[Span], states: list[tuple[str, int, int]]) -> list[Span]:
    """ "les « terroristes de Kiev »": a label for armed men followed by a capital calls that state's forces names
    (a country's name would not do: « les jihadistes du Mali » are in Mali)."""
    capitals = {start: (key, end) for key, start, end in states if doc[start:end].text.lower() in capital_names()}
    out = []
    for span in spans:
        if not span.kb_id_.startswith("generic:") or span.label_ not in {"REB", "UAF"}:
            continue
        if span.end < len(doc) and doc[span.end].lower_ in {"de", "d'", "d’"} and span.end + 1 in capitals:
            key, end = capitals[span.end + 1]
            out.append(Span(doc, span.start, end, label="MIL", kb_id=key))
        elif (at_war := army_at_war(doc, span.end)) is not None:
            out.append(Span(doc, span.start, span.end + 1, label="MIL", kb_id=f"state:{at_war}"))
    return out


def army_at_war(doc: Doc, i: int) -> str | None:
    """ "les terroristes russes" in a Ukrainian outlet, « les néonazis ukrainiens » in a Russian one: a label with
    the nationality of a state at war with another's army (``actors/state_enemies.tsv``) names its forces; not
    « des terroristes tchadiens »."""
    if i >= len(doc) or not doc[i].is_lower:
        return None
    country = country_lexicon().adjective(doc[i].text)
    return country.iso3 if country is not None and country.iso3 in state_enemies() else None


@cache
def state_enemies() -> dict[str, str]:
    """The army each army named in ``data/actors/state_enemies.tsv`` is at war with."""
    return {row["army"]: row["enemy"] for row in read_tsv("actors/state_enemies.tsv")}


def acts(token: Token, span: Span) -> bool:
    """The token is the subject or agent of a verb outside its name ("Aviv" in "Tel-Aviv a frappé"), or the one
    a verb of blame accuses ("accuse Moscou d'avoir bombardé", "la Russie est accusée d'avoir utilisé"), or the one
    an act is ascribed to ("une frappe attribuée à la Turquie")."""
    head = token.head
    if span.start <= head.i < span.end:
        return False
    if token.dep_.startswith("obl") and head.lemma_.lower() in ascription_verbs():
        return True  # "une frappe de drone attribuée à la Turquie"
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if span.start > 0 and span.doc[span.start - 1].pos_ == "ADP":
        return False  # "Au Burkina Faso, des hommes armés ont enlevé": a place, whatever the parse
    blamed = token.dep_ in {"obj", "nsubj:pass"} and head.lemma_.lower() in blame_verbs()
    backing = token.dep_ == "obl:agent" and head.lemma_.lower() in support_verbs()  # "soutenus par le Rwanda"
    return (token.dep_ in {"nsubj", "obl:agent"} and not backing) or blamed or subject_parsed_as_object(token)


def subject_parsed_as_object(token: Token) -> bool:
    """« une force israélienne aurait enlevé un berger »: a noun before its verb, which has no subject, is the
    subject whatever the parser says (a French object comes before its verb only as a pronoun)."""
    head = token.head
    no_subject = not any(c.dep_.startswith("nsubj") for c in head.children)
    return token.dep_ in {"obj", "iobj"} and token.pos_ in {"NOUN", "PROPN"} and token.i < head.i and no_subject


def support_verbs() -> frozenset[str]:
    return word_set("lexicons/support_verbs.txt")


def ascription_verbs() -> frozenset[str]:
    return word_set("lexicons/ascription_verbs.txt")


def blame_verbs() -> frozenset[str]:
    return word_set("lexicons/blame_verbs.txt")


@Language.factory("temoin_actors", assigns=["doc.spans"], requires=[], default_config={})
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)


def parent_of(span: Span) -> bool:
    """The coalition or network a group is said to belong to, set off by a comma (« le gang Gran Grif, membre de la
    coalition Viv Ansanm, », « le JNIM, lié à al-Qaïda, »): ``lexicons/parent_phrases.txt``."""
    before = [t for t in span.doc[max(span.sent.start, span.start - 8) : span.start] if t.pos_ != "DET"]
    words = [t.lower_ for t in before]
    named = {i for a in span.doc.spans.get("temoin_actors", []) for i in range(a.start, a.end)}
    for size in (2, 3, 4):  # « membre de », « l'un des piliers de »
        if len(words) > size and words[-size - 1] == "," and " ".join(words[-size:]) in parent_phrases():
            last = before[-size - 1].i - 1
            last -= 1 if last >= 0 and span.doc[last].text == ")" else 0
            led = led_by(span.doc, last)  # « du gang Kraze Baryè de Vitel'Homme Innocent, l'un des piliers de »
            return last in named or led in named  # the group named just before the comma, « (JNIM), lié à
            # al-Qaïda, »; not « Samedi, des membres de l'État islamique ont tué »
    return False


def led_by(doc: Doc, last: int) -> int:
    """The word before « de » and a person's name ending at ``last`` (« Kraze Baryè de Vitel'Homme Innocent »), else
    ``last``."""
    start = last
    while start > 0 and (doc[start].ent_type_ == "PER" or doc[start].pos_ == "PROPN"):
        start -= 1
    return start - 1 if start < last and doc[start].lower_ in {"de", "d'", "d’"} else last


@cache
def parent_phrases() -> frozenset[str]:
    return word_set("lexicons/parent_phrases.txt")
