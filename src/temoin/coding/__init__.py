"""Coding: from the annotated Doc to typed event records, by ACLED's rules.

The stages, in the order an article goes through them:

- ``context``: the article as the coder sees it (sentences, paragraphs, focus country);
- ``clauses``: what a sentence says about its event words (news or background, hypothetical, dated, claimed);
- ``participants``: the actors of a sentence in their roles, and ACLED's default actors;
- ``reading``: one reading per event sentence (trigger, kinds, actors, place, date);
- ``drafts``: readings merged into draft events (one per place and day), with tolls, sources and hedges;
- ``assemble``: draft events turned into typed ``Event`` records;
- ``typing``: the ACLED type and sub-type from the trigger and who is hit;
- ``roles``: who is agent and who patient, as typed records;
- ``location``: where the event happened, with ACLED's geo_precision;
- ``notes``: a one-line English summary in ACLED's style.
"""
