"""Coding sentences into events: the word lists it reads from ``data/lexicons``."""

from __future__ import annotations

import pytest

from temoin.resources import word_alternation


def test_words_are_matched_literally_and_an_empty_list_is_refused() -> None:
    assert word_alternation(["check-point", "(a+)"]) == r"check\-point|\(a\+\)"
    with pytest.raises(ValueError, match="no words"):
        word_alternation([])
