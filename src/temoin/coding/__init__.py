"""Coding: from the annotated Doc to typed event records, by ACLED's rules.

- ``context``: the article as the coder sees it (sentences, paragraphs, focus country);
- ``readings``: one reading per event sentence (trigger, actors, place, date, toll, source);
- ``typing``: the ACLED type and sub-type from the trigger and who is hit;
- ``roles``: who is actor1 and who actor2, as typed records;
- ``location``: where the event happened, with ACLED's geo_precision;
- ``assemble``: readings merged into events (one per place and day), then records;
- ``notes``: a one-line English summary in ACLED's style.
"""
