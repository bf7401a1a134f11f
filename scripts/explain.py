"""Print what each stage read in each sentence of an article: a debugging aid.

Usage: python scripts/explain.py FILE.jsonl [ID]
"""

from __future__ import annotations

import json
import sys

from temoin.api import Analyzer
from temoin.stages.clean import clean_text


def main() -> None:
    path = sys.argv[1]
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    analyzer = Analyzer()
    for line in open(path, encoding="utf-8"):
        art = json.loads(line)
        if wanted and art["id"] != wanted:
            continue
        clean = clean_text(art["text"])
        doc = analyzer.make_doc(analyzer_article(art), clean)
        doc = analyzer.nlp(doc)
        print(f"===== {art['id']}")
        for sent in doc.sents:
            print(f"\n> {sent.text.strip()}")
            for key in (
                "temoin_triggers",
                "temoin_actors",
                "temoin_places",
                "temoin_dates",
                "temoin_tolls",
                "temoin_sources",
                "temoin_hedges",
            ):
                spans = [s for s in doc.spans.get(key, []) if sent.start <= s.start < sent.end]
                if spans:
                    print(f"   {key[7:]:9} " + "; ".join(f"{s.text}[{s.label_}|{s.kb_id_}]" for s in spans))
        result = analyzer.analyze(art["text"], art.get("published"), art["id"])
        for e in result.events:
            print(
                "EVENT",
                e.event_type,
                "/",
                e.sub_event_type,
                e.event_date,
                e.location and e.location.name,
                e.actor1 and e.actor1.name,
                "|",
                e.actor2 and e.actor2.name,
                e.fatalities,
                e.certainty,
                e.sources,
            )


def analyzer_article(art: dict) -> object:  # type: ignore[type-arg]
    from temoin.io.readers import article_from_record

    return article_from_record(art, art["id"], None)


if __name__ == "__main__":
    main()
