"""Fetching: a real server on loopback; private addresses, other schemes, robots.txt, size, timeouts, retries."""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from temoin.cli import cli
from temoin.exceptions import FetchError
from temoin.io import fetch
from temoin.io.fetch import Fetcher, address_kind
from temoin.io.options import FetchPolicy, ReadOptions
from temoin.io.readers import InputFailure, read_inputs
from temoin.records import Article
from tests.http_server import LocalServer, Reply, server

__all__ = ["server"]  # the fixture, used by name

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
LOCAL = FetchPolicy(allow_private=True, delay=0, backoff=0.01, timeout=2)


def page(server: LocalServer, path: str = "/2024/02/frappe-kidal") -> str:
    server.routes[path] = Reply(body=(FIXTURES / "kidal.html").read_bytes())
    return server.base + path


def fetcher(policy: FetchPolicy = LOCAL) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    return Fetcher(policy, sleep=waits.append), waits


def test_a_page_is_fetched_with_temoin_s_user_agent_after_robots_txt(server: LocalServer) -> None:
    url = page(server)
    got, _ = fetcher()
    result = got.get(url, "in")
    assert b"Kidal" in result.body and result.content_type == "text/html"
    assert server.paths() == ["/robots.txt", "/2024/02/frappe-kidal"]
    assert all(r.user_agent.startswith("temoin/") for r in server.requests)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8080/x", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_private_loopback_link_local_and_reserved_addresses_are_refused(url: str, kind: str) -> None:
    got, _ = fetcher(FetchPolicy(delay=0))
    with pytest.raises(FetchError, match=rf"^in: host .* a {kind} address; refused \(--allow-private-addresses"):
        got.get(url, "in")


def test_a_loopback_server_is_refused_without_the_flag(server: LocalServer) -> None:
    url = page(server)
    [failure] = read_inputs([url], options=ReadOptions(fetch=FetchPolicy(delay=0)))
    assert isinstance(failure, InputFailure) and "a loopback address; refused" in str(failure.error)
    assert server.requests == []


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    got, _ = fetcher()
    with pytest.raises(FetchError, match=r"only http and https URLs are fetched|not a valid URL"):
        got.get(url, "in")


def test_a_url_input_with_another_scheme_is_a_named_failure() -> None:
    [failure] = read_inputs(["file:///etc/passwd"], options=ReadOptions(fetch=LOCAL))
    assert isinstance(failure, InputFailure)
    assert str(failure.error) == "file:///etc/passwd: scheme 'file' refused: only http and https URLs are fetched"


@pytest.fixture()
def only_this_server_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 counts as public, so that the next hop's check is the one under test."""
    original = address_kind
    monkeypatch.setattr(fetch, "address_kind", lambda ip: None if str(ip) == "127.0.0.1" else original(ip))


@pytest.mark.usefixtures("only_this_server_public")
@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/admin", "http://127.0.0.2:{port}/"]
)
def test_a_redirect_to_a_private_address_is_refused(server: LocalServer, target: str) -> None:
    server.routes["/jump"] = Reply(302, headers={"Location": target.format(port=server.port)})
    got, _ = fetcher(FetchPolicy(delay=0))
    with pytest.raises(FetchError, match=r"address; refused"):
        got.get(server.base + "/jump", "in")
    assert server.paths() == ["/robots.txt", "/jump"]


@pytest.mark.usefixtures("only_this_server_public")
def test_redirects_are_followed_hop_by_hop_and_bounded(server: LocalServer) -> None:
    url = page(server, "/final")
    server.routes["/a"] = Reply(301, headers={"Location": "/b"})
    server.routes["/b"] = Reply(302, headers={"Location": url})
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    got, _ = fetcher(FetchPolicy(delay=0))
    assert got.get(server.base + "/a", "in").url == url
    with pytest.raises(FetchError, match="more than 5 redirects"):
        got.get(server.base + "/loop", "in")


def test_an_address_that_changes_after_the_check_is_refused_at_connection(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([[ipaddress.ip_address("93.184.216.34")], [ipaddress.ip_address("127.0.0.1")]])
    monkeypatch.setattr(fetch, "resolve", lambda host, port: next(answers))
    got, _ = fetcher(FetchPolicy(delay=0, retries=0))
    got.robots["news.example"] = _allow_all()
    with pytest.raises(FetchError, match=r"127\.0\.0\.1, a loopback address; refused"):
        got.get(f"http://news.example:{server.port}/", "in")
    assert server.requests == []


def _allow_all() -> fetch.RobotFileParser:
    rules = fetch.RobotFileParser()
    rules.parse([])
    rules.modified()
    return rules


def test_an_oversize_page_is_cut_with_a_clear_error(server: LocalServer) -> None:
    server.routes["/big"] = Reply(body=b"<p>" + b"x" * 5000, length=False)
    server.routes["/declared"] = Reply(body=b"y" * 5000)
    got, _ = fetcher(FetchPolicy(allow_private=True, delay=0, max_bytes=1000))
    with pytest.raises(FetchError, match=r"^in: page larger than 1000 bytes, the page limit; cut$"):
        got.get(server.base + "/big", "in")
    with pytest.raises(FetchError, match=r"^in: page of 5000 bytes, larger than 1000 bytes"):
        got.get(server.base + "/declared", "in")


def test_a_slow_server_times_out_and_is_retried(server: LocalServer) -> None:
    server.routes["/slow"] = Reply(body=b"late", delay=1.0)
    got, waits = fetcher(FetchPolicy(allow_private=True, delay=0, timeout=0.2, retries=1, backoff=0.01))
    with pytest.raises(FetchError, match=r"timed out after 0.2 s .*\(after 2 tries\)"):
        got.get(server.base + "/slow", "in")
    assert server.paths().count("/slow") == 2 and waits == [0.01]


def test_a_server_that_fails_twice_then_answers_is_retried_with_backoff(server: LocalServer) -> None:
    body = (FIXTURES / "kidal.html").read_bytes()
    server.routes["/flaky"] = lambda n: Reply(503, b"busy") if n < 2 else Reply(body=body)
    got, waits = fetcher(FetchPolicy(allow_private=True, delay=0, retries=2, backoff=0.05))
    assert got.get(server.base + "/flaky", "in").body == body
    assert server.paths().count("/flaky") == 3 and waits == [0.05, 0.1]


def test_retries_give_up_with_the_last_reason(server: LocalServer) -> None:
    server.routes["/down"] = Reply(500, b"down")
    server.routes["/gone"] = Reply(404, b"gone")
    got, _ = fetcher(FetchPolicy(allow_private=True, delay=0, retries=1, backoff=0.01))
    with pytest.raises(FetchError, match=r"HTTP 500 Internal Server Error \(after 2 tries\)"):
        got.get(server.base + "/down", "in")
    with pytest.raises(FetchError, match=r"^in: HTTP 404 Not Found$"):
        got.get(server.base + "/gone", "in")
    assert server.paths().count("/gone") == 1  # a 404 is not retried


def test_robots_txt_is_obeyed(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Reply(
        body=b"User-agent: temoin\nDisallow: /prive\n\nUser-agent: *\nDisallow: /\n", headers={}
    )
    open_url = page(server, "/public")
    got, _ = fetcher()
    assert got.get(open_url, "in").body
    with pytest.raises(FetchError, match=r"robots\.txt of http://127\.0\.0\.1:[0-9]+ disallows this URL; not fetched"):
        got.get(server.base + "/prive/page", "in")
    assert "/prive/page" not in server.paths() and server.paths().count("/robots.txt") == 1


def test_robots_txt_crawl_delay_spaces_requests(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 3\n", headers={})
    now = [0.0]  # a clock that only the waits move: a slow request on a busy machine does not shorten them

    def wait(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    waits: list[float] = []
    got = Fetcher(FetchPolicy(allow_private=True, delay=0.5), sleep=wait, clock=lambda: now[0])
    got.get(page(server, "/one"), "in")
    got.get(page(server, "/two"), "in")
    assert len(waits) == 2 and all(2.5 < wait <= 3 for wait in waits)  # after robots.txt, and between the pages


def test_a_url_list_gives_an_article_or_a_named_failure_per_line(server: LocalServer, tmp_path: Path) -> None:
    page(server)
    urls = tmp_path / "list.urls"
    text = (FIXTURES / "list.urls").read_text(encoding="utf-8")
    urls.write_text(text.replace("BASEHOST", f"127.0.0.1:{server.port}").replace("BASE", server.base))
    items = list(read_inputs([str(urls)], options=ReadOptions(fetch=LOCAL)))
    assert [type(i) for i in items] == [Article, InputFailure, InputFailure]
    assert isinstance(items[0], Article) and items[0].title == "Frappe de drone près de Kidal"
    assert str(items[1].error if isinstance(items[1], InputFailure) else "").startswith(f"{urls}:4 ftp://")
    assert str(items[2].error if isinstance(items[2], InputFailure) else "").endswith("/absent: HTTP 404 Not Found")


def test_cli_fetches_a_url_only_with_the_flag(server: LocalServer, tmp_path: Path) -> None:
    url = page(server)
    base = ["analyze", url, "--no-store", "--fetch-delay", "0", "--published", "2024-02-20"]
    refused = CliRunner().invoke(cli, base)
    assert refused.exit_code == 1 and "a loopback address; refused" in refused.stderr
    result = CliRunner().invoke(cli, [*base, "--allow-private-addresses"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["id"] == url and row["published"] == "2024-02-14"  # the page's date, not --published
    assert any(e["location"]["name"] == "Kidal" for e in row["events"] if e.get("location"))
