"""Saved web pages: main text and metadata extracted; pathological HTML refused with the reason, fast."""

from __future__ import annotations

import time
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from temoin.exceptions import InputError
from temoin.io.html import MAX_ELEMENTS, MAX_HTML_DEPTH, article_from_html
from temoin.io.readers import InputFailure, read_inputs, read_path
from temoin.records import Article

PAGE = Path(__file__).parent / "fixtures" / "inputs" / "kidal.html"


def only(items: list[Article | InputFailure]) -> Article | InputFailure:
    assert len(items) == 1, items
    return items[0]


def test_main_text_title_date_url_and_outlet_come_from_the_page() -> None:
    article = only(list(read_inputs([str(PAGE)], published=date(2024, 3, 1))))
    assert isinstance(article, Article) and article.id == "kidal"
    assert "Une frappe de drone a visé mardi soir" in article.text and "Quatre personnes" in article.text
    assert "Tous droits réservés" not in article.text and "Accueil" not in article.text  # boilerplate left out
    assert article.title == "Frappe de drone près de Kidal"
    assert article.published == date(2024, 2, 14)  # the page's date wins over --published
    assert article.url == "https://veilleur-sahel.example/2024/02/frappe-kidal"
    assert article.outlet == "Le Veilleur du Sahel"


def test_a_folder_of_saved_pages_skips_the_files_folder_of_a_complete_save(tmp_path: Path) -> None:
    (tmp_path / "Page.htm").write_bytes(PAGE.read_bytes())
    assets = tmp_path / "Page_files"
    assets.mkdir()
    (assets / "pub.html").write_text("<html><body><p>Publicité</p></body></html>", encoding="utf-8")
    (assets / "style.css").write_text("p {}", encoding="utf-8")
    article = only(list(read_inputs([str(tmp_path)])))
    assert isinstance(article, Article) and article.id == "Page"


def test_a_single_file_saved_page_mhtml_is_read(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Snapshot-Content-Location"] = "https://veilleur-sahel.example/2024/02/frappe-kidal"
    message.set_content(PAGE.read_bytes(), maintype="text", subtype="html")
    path = tmp_path / "kidal.mhtml"
    path.write_bytes(message.as_bytes())
    article = only(list(read_path(path, None)))
    assert isinstance(article, Article) and "Quatre personnes" in article.text


def failure_of(html: bytes | str, tmp_path: Path, max_bytes: int = 1 << 22) -> str:
    path = tmp_path / "page.html"
    path.write_bytes(html.encode() if isinstance(html, str) else html)
    item = only(list(read_path(path, None, max_bytes)))
    assert isinstance(item, InputFailure), item
    return str(item.error)


def test_deeply_nested_html_is_refused_quickly(tmp_path: Path) -> None:
    for depth in (MAX_HTML_DEPTH + 10, 100_000):
        start = time.perf_counter()
        reason = failure_of("<html><body>" + "<div>" * depth + "texte" + "</div>" * depth, tmp_path)
        assert reason.endswith(f"page.html: HTML nested deeper than {MAX_HTML_DEPTH} levels; not read")
        assert time.perf_counter() - start < 5


def test_html_of_too_many_elements_is_refused(tmp_path: Path) -> None:
    reason = failure_of("<html><body>" + "<b>x</b>" * (MAX_ELEMENTS + 1), tmp_path)
    assert reason.endswith(f"HTML of more than {MAX_ELEMENTS} elements; not read")


def test_an_html_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    reason = failure_of("<html><body><p>" + "mot " * 1000, tmp_path, max_bytes=1000)
    assert reason.endswith("page.html: larger than 1000 bytes, the input limit; not read")


def test_binary_empty_and_textless_pages_are_refused_with_the_reason(tmp_path: Path) -> None:
    assert failure_of(b"\x89PNG\x00\x00", tmp_path).endswith("binary file, not HTML")
    script_only = "<html><body><script>var a = 1;</script></body></html>"
    assert failure_of(script_only, tmp_path).endswith("page.html: no main text found in the page")
    assert failure_of(b"", tmp_path).endswith("page.html: not readable as HTML")


HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "<title>",
        "</title>",
        "<meta name='date' content='2024-13-45'>",
        "<script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&#0;",
        "&#xD800;",
        "&amp;",
        "\x00",
        "é",
        "Des combats ont éclaté près de Gao, selon l'armée. ",
        "<table><tr><td>",
        "<br>",
        "<<",
        ">",
        "'",
        '"',
    ]
)


@settings(max_examples=120, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.lists(HTML_PIECES, max_size=60).map(lambda p: "".join(p).encode())))
def test_html_extraction_never_raises_and_refuses_with_a_reason(data: bytes) -> None:
    try:
        article = article_from_html(data, "page.html", "page", None)
    except InputError as exc:
        assert str(exc).startswith("page.html: ")
        return
    for value in (article.text, article.title, article.url, article.outlet):
        value.encode("utf-8")
    assert article.text.strip()
