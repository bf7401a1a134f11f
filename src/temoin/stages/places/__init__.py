"""Geoparsing in four stages, as in Mordecai 3.

- ``names``: which spans of the text are toponyms (gazetteer phrases, NER, locative cues);
- ``gazetteer``: the injected service that returns candidates for a name (SQLite index);
- ``ranking``: which candidate the article means (match quality, population, the
  countries and places the article names, distance to the other places);
- ``component``: the ``temoin_places`` spaCy component that writes the result.
"""
