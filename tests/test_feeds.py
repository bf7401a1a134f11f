"""RSS and Atom: entries' pages fetched from a loopback server, summaries without fetching, broken feeds named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from temoin.exceptions import InputError
from temoin.io.feeds import read_feed, text_of_fragment
from temoin.io.options import FetchPolicy, ReadOptions
from temoin.io.readers import InputFailure, read_inputs
from temoin.records import Article
from tests.http_server import LocalServer, Reply, server

__all__ = ["server"]

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
OFFLINE = ReadOptions(fetch=FetchPolicy(enabled=False))


def feed_file(tmp_path: Path, name: str, base: str) -> Path:
    path = tmp_path / name
    path.write_text((FIXTURES / name).read_text(encoding="utf-8").replace("BASE", base), encoding="utf-8")
    return path


def serve_pages(server: LocalServer) -> None:
    server.routes["/2024/02/frappe-kidal"] = Reply(body=(FIXTURES / "kidal.html").read_bytes())
    server.routes["/2024/02/breve"] = Reply(body=b"<html><body><script>var a = 1;</script></body></html>")
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /2024/02/gendarmerie\n", headers={})


def test_each_entry_s_page_is_fetched_and_its_text_extracted(server: LocalServer, tmp_path: Path) -> None:
    serve_pages(server)
    path = feed_file(tmp_path, "sahel.rss", server.base)
    options = ReadOptions(fetch=FetchPolicy(allow_private=True, delay=0))
    kidal, breve, gendarmerie = read_inputs([str(path)], options=options)
    assert isinstance(kidal, Article) and kidal.id == "veilleur-1" and "Les habitants affirment" in kidal.text
    assert kidal.published == date(2024, 2, 14) and kidal.outlet == "Le Veilleur du Sahel"
    assert kidal.url == server.base + "/2024/02/frappe-kidal"
    assert isinstance(breve, InputFailure)
    assert str(breve.error) == f"{path} entry 2 ({server.base}/2024/02/breve): no main text found in the page"
    assert isinstance(gendarmerie, InputFailure) and "robots.txt of" in str(gendarmerie.error)
    assert server.paths().count("/robots.txt") == 1 and "/2024/02/gendarmerie" not in server.paths()


def test_without_fetching_entries_use_their_content_or_summary(tmp_path: Path) -> None:
    path = feed_file(tmp_path, "sahel.rss", "https://veilleur-sahel.example")
    kidal, breve, gendarmerie = read_inputs([str(path)], options=OFFLINE)
    assert isinstance(kidal, Article) and kidal.text.startswith("Une frappe de drone a visé mardi soir")
    assert "<p>" not in kidal.text and kidal.title == "Frappe de drone près de Kidal"
    assert isinstance(breve, InputFailure) and str(breve.error) == (
        f"{path} entry 2: no usable summary text (under 20 words) and fetching is off (--no-fetch)"
    )
    assert isinstance(gendarmerie, Article) and "\nDeux gendarmes" in gendarmerie.text  # content:encoded, by block


def test_an_atom_feed_is_read(tmp_path: Path) -> None:
    [entry] = read_inputs([str(feed_file(tmp_path, "sahel.atom", "https://x.example"))], options=OFFLINE)
    assert isinstance(entry, Article) and entry.id == "urn:veilleur:3" and entry.published == date(2024, 2, 16)


def test_a_feed_url_is_read_as_a_feed(server: LocalServer) -> None:
    serve_pages(server)
    body = (FIXTURES / "sahel.rss").read_text(encoding="utf-8").replace("BASE", server.base).encode()
    server.routes["/feed"] = Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    options = ReadOptions(fetch=FetchPolicy(allow_private=True, delay=0))
    items = list(read_inputs([server.base + "/feed"], options=options))
    assert [type(i) for i in items] == [Article, InputFailure, InputFailure]


def test_a_broken_feed_is_one_named_failure(tmp_path: Path) -> None:
    path = tmp_path / "cassé.rss"
    path.write_bytes(b"<rss><channel><title>x</title>")
    [failure] = read_inputs([str(path)], options=OFFLINE)
    assert isinstance(failure, InputFailure) and str(failure.error).startswith(f"{path}: ")


def test_feed_content_naming_a_file_is_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("<rss><channel><item><title>secret</title></item></channel></rss>", encoding="utf-8")
    items = list(read_feed(str(secret).encode(), "in.rss", None, OFFLINE))
    assert all(isinstance(i, InputFailure) for i in items) and "secret" not in str(items)


def test_summary_html_becomes_text_without_scripts() -> None:
    assert text_of_fragment("<p>Un</p><script>alert(1)</script><p>deux &amp; trois</p>") == "Un\ndeux & trois"


ITEM_PIECES = st.sampled_from(
    [
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<link>http://x.example/a</link>",
        "<description>",
        "</description>",
        "<pubDate>Wed, 14 Feb 2024 09:30:00 +0000</pubDate>",
        "<pubDate>31 Feb 99999</pubDate>",
        "<guid>g</guid>",
        "&lt;p&gt;",
        "&#xD800;",
        "&#0;",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
        "&a;",
        "é",
        "\x00",
        "Des combats ont éclaté près de Gao, selon l'armée, et des civils ont fui la ville vers le sud. ",
    ]
)


@settings(max_examples=120, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(ITEM_PIECES, max_size=40).map(lambda p: ("<rss><channel>" + "".join(p) + "</channel></rss>").encode()),
    )
)
def test_read_feed_never_raises_and_refuses_with_a_reason(data: bytes) -> None:
    for item in read_feed(data, "in.rss", None, OFFLINE):
        if isinstance(item, InputFailure):
            assert isinstance(item.error, InputError) and str(item.error).startswith(item.source + ": ")
            assert item.source.startswith("in.rss")
            str(item.error).encode("utf-8")
        else:
            assert isinstance(item, Article)
            for value in (item.id, item.text, item.title, item.url, item.outlet):
                value.encode("utf-8")


def test_a_malformed_marked_section_in_a_summary_is_text_not_a_crash() -> None:
    assert text_of_fragment("<p>Des tirs</p><![CDATAm[ x ]]> à Gao") == "Des tirs à Gao"
