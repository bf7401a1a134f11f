"""Hostile requests: SQL metacharacters in every filter, path traversal, oversized and too frequent requests."""

from __future__ import annotations

import asyncio
import hashlib
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from temoin.web import Database, WebConfig, create_app
from temoin.web import command as web_command
from temoin.web.limits import MAX_BODY, MAX_QUERY, LimitMiddleware, Limits, TokenBuckets
from temoin.web.testing import running
from tests.web_fixtures import GAO_ID, build_demo_db

LOCAL = "http://127.0.0.1"
TOTAL = 12  # events in the demo database

# SQL metacharacters and classic injections; none of them is a substring of a stored value,
# so a filter holding one must select nothing (or be refused), never more.
PAYLOADS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "') OR ('1'='1",
    "1' OR '1'='1' /*",
    "*/ OR 1=1 --",
    "'; DROP TABLE events; --",
    "x); DELETE FROM articles; --",
    "' UNION SELECT * FROM articles --",
    "1 UNION SELECT sqlite_version()",
    "' || (SELECT group_concat(id) FROM articles) || '",
    "%",
    "%%",
    "_",
    "_%",
    "\\",
    "\\%",
    "[a-z]*",
    "' AND randomblob(1000000000) AND '",
    "Battles' --",
    'Battles" OR 1=1 --',
    "ML' OR country IS NOT NULL --",
    "2024-01-01' OR '1'='1",
    "-1 OR 1=1",
    "1;SELECT 1",
    "`events`",
    "$1",
    "?",
    ":name",
    "@x",
    "\x00",
    "Battles\x00' OR 1=1",
    "é' OR 'é'='é",
    "' OR e.event_type LIKE '%",
]
ENDPOINTS = {
    "/api/events": lambda body: body["rows"] == [] and body["total"] == 0,
    "/api/points": lambda body: body["points"] == [],
    "/api/timeline": lambda body: body["days"] == [],
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("web-hardening") / "demo.db")


@pytest.fixture(scope="module")
def app(demo_db: Path) -> FastAPI:
    return create_app(WebConfig(Database(str(demo_db))))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def filter_names(client: TestClient) -> list[str]:
    """Every filter the events API describes (so that a new one is covered without editing this test)."""
    spec = client.get("/api/openapi.json").json()
    return [p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["in"] == "query"]


# -- (b) SQL injection -------------------------------------------------------------------------------------


def test_every_filter_is_covered(client: TestClient) -> None:
    assert set(filter_names(client)) == {
        "type",
        "subtype",
        "actor",
        "country",
        "since",
        "until",
        "certainty",
        "source",
        "outlet",
        "bbox",
        "article",
        "sort",
        "order",
        "limit",
        "offset",
    }


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_sql_metacharacters_in_every_filter_select_nothing(client: TestClient, demo_db: Path, endpoint: str) -> None:
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    spec = client.get("/api/openapi.json").json()
    names = [p["name"] for p in spec["paths"][endpoint]["get"]["parameters"] if p["in"] == "query"]
    empty = ENDPOINTS[endpoint]
    for name in names:
        for payload in PAYLOADS:
            response = client.get(endpoint, params={name: payload})
            assert response.status_code in (200, 422), (name, payload, response.text)
            if response.status_code == 200:
                # Only text filters take any string; sort, order, numbers, dates, certainty, bbox refuse these.
                assert name in {"type", "subtype", "actor", "country", "source", "outlet", "article"}, name
                assert empty(response.json()), (name, payload, response.text[:300])
    # Nothing was written, nothing was dropped.
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    assert client.get("/api/events").json()["total"] == TOTAL


def test_injection_combined_with_a_real_value(client: TestClient) -> None:
    assert client.get("/api/events", params={"type": "Battles"}).json()["total"] == 3
    for suffix in ("' OR '1'='1", "' --", "%", "\x00"):
        response = client.get("/api/events", params={"type": "Battles" + suffix, "country": "ML" + suffix})
        assert response.status_code in (200, 422)
        if response.status_code == 200:
            assert response.json()["total"] == 0


def test_injection_in_exports_and_article_ids(client: TestClient) -> None:
    for payload in PAYLOADS:
        response = client.get("/api/export", params={"format": "jsonl", "actor": payload})
        assert response.status_code in (200, 422) and (response.status_code == 422 or response.text == "")
        response = client.get("/api/articles/" + quote(payload, safe=""))
        assert response.status_code == 404, payload
    assert client.get(f"/api/articles/{GAO_ID}' OR '1'='1").status_code == 404


def test_nul_in_a_text_filter_is_refused(client: TestClient) -> None:
    # SQLite's LIKE reads its pattern as a C string: "%\0%" would be "%", every event with an actor.
    assert client.get("/api/events", params={"actor": "\x00"}).status_code == 422
    assert client.get("/api/events", params={"actor": "RSF"}).json()["total"] == 2


def test_numbers_and_dates_out_of_sqlite_range_are_422(client: TestClient) -> None:
    for params in (
        {"offset": 2**63},
        {"offset": 10**9 + 1},
        {"limit": 2**64},
        {"since": "0"},
        {"until": "1700000000"},
        {"since": "2024-1-5"},
        {"bbox": "1e1,0,20,10"},
    ):
        assert client.get("/api/events", params=params).status_code == 422, params
    assert client.get("/api/events", params={"offset": 10**9}).json()["rows"] == []


# -- (c) path traversal ------------------------------------------------------------------------------------


def raw_get(base_url: str, target: str) -> tuple[int, bytes]:
    """GET ``target`` exactly as written (no client-side normalisation of ``..``), over loopback."""
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"
    with socket.create_connection((parts.hostname, parts.port or 80), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


TRAVERSALS = [
    "/static/../app.py",
    "/static/../../web/app.py",
    "/static/%2e%2e/app.py",
    "/static/%2E%2E/%2E%2E/web/app.py",
    "/static/..%2fapp.py",
    "/static/..%2Fapp.py",
    "/static/js/..%2f..%2fapp.py",
    "/static/js/../../app.py",
    "/static/..%5capp.py",
    "/static/..\\app.py",
    "/static/....//app.py",
    "/static/%252e%252e/app.py",
    "/static/%c0%ae%c0%ae/app.py",
    "/static/vendor/../../app.py",
    "/static/..;/app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/../../../../../../etc/passwd",
    "/static/js/%2e%2e/%2e%2e/security.py",
    "/static/./../queries.py",
    "/static/js/",
    "/static/",
    "/static/vendor/",
    "/static/%00app.css",
    "/api/articles/../../../../etc/passwd",
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/%2e%2e/%2e%2e/app.py",
    "/article/../../../etc/passwd",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
]
SECRETS = (b"def create_app", b"import ", b"root:", b"[project]", b"class Guard", b"SORTS")


@pytest.fixture(scope="module")
def served(app: FastAPI) -> Iterator[str]:
    with running(app) as url:
        yield url


@pytest.mark.parametrize("target", TRAVERSALS)
def test_path_traversal_is_refused(served: str, target: str) -> None:
    status, body = raw_get(served, target)
    assert status in (400, 404), (target, status, body[:200])
    assert not any(secret in body for secret in SECRETS), (target, body[:200])


def test_static_files_and_articles_are_still_served(served: str) -> None:
    assert raw_get(served, "/static/app.css")[0] == 200
    assert raw_get(served, "/static/js/./dom.js")[0] == 200  # a harmless dot segment inside static/
    status, body = raw_get(served, f"/api/articles/{GAO_ID}")
    assert status == 200 and GAO_ID.encode() in body
    # The article page is a fixed file whatever its id says; the id only ever reaches a bound SQL parameter.
    status, body = raw_get(served, "/article?id=../../../../etc/passwd")
    assert status == 200 and b"<title>" in body and b"root:" not in body


# -- (d) request sizes and rate ----------------------------------------------------------------------------


def test_long_query_string_is_414(client: TestClient) -> None:
    at_limit = "x" * (MAX_QUERY - len("actor="))
    assert client.get("/api/events?actor=" + at_limit).status_code == 200
    response = client.get("/api/events?actor=" + at_limit + "x")
    assert response.status_code == 414 and "query string" in response.json()["detail"]
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_large_body_is_413(client: TestClient) -> None:
    response = client.post("/api/events", content=b"x" * (MAX_BODY + 1))
    assert response.status_code == 413 and "body" in response.json()["detail"]
    assert client.post("/api/events", content=b"x" * 1000).status_code == 405  # small: the router answers


def test_large_chunked_body_is_413_when_read() -> None:
    async def echo(scope: dict[str, Any], receive: Any, send: Any) -> None:
        size, more = 0, True
        while more:
            message = await receive()
            size, more = size + len(message.get("body", b"")), message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(size).encode()})

    app = LimitMiddleware(echo, Limits(max_body=1000))
    chunks = iter([b"x" * 600, b"x" * 600])  # no Content-Length: counted as it arrives
    c = TestClient(app)  # type: ignore[arg-type]  # (no lifespan: not entered as a context)
    assert c.post("/", content=iter([b"x" * 600])).text == "600"
    assert c.post("/", content=chunks).status_code == 413


def test_no_rate_limit_unless_set(client: TestClient) -> None:
    assert all(client.get("/api/config").status_code == 200 for _ in range(150))


def test_rate_limit_per_client(demo_db: Path) -> None:
    app = create_app(WebConfig(Database(str(demo_db)), limits=Limits(rate=0.01, burst=3)))
    with TestClient(app, base_url=LOCAL, client=("192.0.2.1", 1000)) as first:
        assert [first.get("/api/config").status_code for _ in range(4)] == [200, 200, 200, 429]
        refused = first.get("/static/app.css")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert refused.headers["x-content-type-options"] == "nosniff"
    with TestClient(app, base_url=LOCAL, client=("192.0.2.2", 1000)) as second:
        assert second.get("/api/config").status_code == 200  # another client has its own bucket


def test_rate_limit_counts_refused_requests(demo_db: Path) -> None:
    app = create_app(
        WebConfig(Database(str(demo_db)), token="a-token-of-sufficient-length", limits=Limits(rate=0.01, burst=2))
    )
    with TestClient(app, base_url=LOCAL) as c:  # guessing the token is rate limited too
        codes = [c.get("/api/config", headers={"Authorization": f"Bearer guess{i}"}).status_code for i in range(3)]
        assert codes == [401, 401, 429]


def test_token_bucket_refills() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=3, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(0.5)  # one token comes back in half a second
    now[0] = 0.5
    assert buckets.take("a") == 0.0 and buckets.take("a") > 0
    now[0] = 100.0
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]  # never more than the burst
    assert buckets.take("a") > 0 and buckets.take("b") == 0.0


def test_token_buckets_forget_idle_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    from temoin.web import limits

    monkeypatch.setattr(limits, "MAX_CLIENTS", 10)
    now = [0.0]
    buckets = TokenBuckets(rate=1.0, burst=5, clock=lambda: now[0])
    for i in range(10):
        buckets.take(f"c{i}")
    now[0] = 10.0  # every bucket has refilled
    buckets.take("new")
    assert set(buckets.buckets) == {"new"}


def test_limits_are_checked() -> None:
    for bad in ({"rate": -1.0}, {"rate": float("nan")}, {"rate": 1.0, "burst": 0}, {"max_body": -1}):
        with pytest.raises(ValueError):
            Limits(**bad)  # type: ignore[arg-type]


def test_serve_sets_the_rate_limit(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    configs: list[WebConfig] = []
    real = web_command.create_app
    monkeypatch.setattr(web_command, "create_app", lambda config: configs.append(config) or real(config))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    runner = CliRunner()
    env = {"TEMOIN_TOKEN": "", "TEMOIN_RATE_LIMIT": ""}
    assert runner.invoke(web_command.serve, ["--db", str(demo_db)], env=env).exit_code == 0
    assert configs[-1].limits == Limits(rate=10.0, burst=60)
    args = ["--db", str(demo_db), "--rate-limit", "0"]
    assert runner.invoke(web_command.serve, args, env=env).exit_code == 0
    assert configs[-1].limits.rate is None
    args = ["--db", str(demo_db), "--rate-limit", "2.5", "--burst", "7"]
    assert runner.invoke(web_command.serve, args, env=env).exit_code == 0
    assert configs[-1].limits == Limits(rate=2.5, burst=7)


def test_middleware_passes_other_scopes() -> None:
    seen: list[str] = []

    async def inner(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    app = LimitMiddleware(inner, Limits(rate=0.001, burst=1))
    for _ in range(3):
        asyncio.run(app({"type": "lifespan"}, None, None))  # type: ignore[arg-type]
    assert seen == ["lifespan"] * 3
