"""The web app's JSON API, security and read-only access, through FastAPI's TestClient (no browser)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from temoin.exceptions import StoreError
from temoin.io.writers import ACLED_COLUMNS
from temoin.web import Database, WebConfig, create_app
from temoin.web.app import STATIC
from temoin.web.command import serve
from temoin.web.queries import connect_read_only
from tests.web_fixtures import GAO_EVIDENCE, GAO_ID, XSS_ID, build_demo_db

LOCAL = "http://127.0.0.1"
TOKEN = "s3cret-token-for-the-tests-0123456789"
SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="module")
def app(demo_db: Path) -> FastAPI:
    return create_app(WebConfig(Database(str(demo_db))))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def events(client: TestClient, **params: object) -> dict:  # type: ignore[type-arg]
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_all_events_sorted_by_date_with_undated_last(client: TestClient) -> None:
    page = events(client)
    dates = [r["event"]["event_date"] for r in page["rows"]]
    assert page["total"] == 12 and len(dates) == 12
    assert dates[:-1] == sorted(dates[:-1]) and dates[-1] is None
    assert page["rows"][0]["article_id"] == GAO_ID and page["rows"][0]["outlet"] == "Le Monde"


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"type": "Battles"}, 3),
        ({"type": "Armed clash"}, 3),
        ({"subtype": "Air/drone strike"}, 1),
        ({"actor": "RSF"}, 2),
        ({"actor": "%"}, 0),
        ({"country": "BF"}, 2),
        ({"country": "cod"}, 2),
        ({"since": "2024-02-01", "until": "2024-02-29"}, 4),
        ({"certainty": "hedged"}, 1),
        ({"source": "des habitants"}, 1),
        ({"outlet": "RFI"}, 2),
        ({"bbox": "20,8,30,18"}, 2),
        ({"bbox": "170,-10,-170,10"}, 0),
        ({"type": "Explosions/Remote violence", "country": "SD", "since": "2024-03-11"}, 1),
        ({"article": GAO_ID}, 1),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], total: int) -> None:
    page = events(client, **params)
    assert page["total"] == total == len(page["rows"])


@pytest.mark.parametrize("value", ["' OR 1=1 --", "Battles' OR '1'='1", "x); DROP TABLE events; --"])
def test_filters_are_bound_parameters(client: TestClient, value: str, demo_db: Path) -> None:
    for key in ("type", "actor", "outlet", "source", "subtype", "country"):
        assert events(client, **{key: value})["total"] == 0
    assert events(client)["total"] == 12


def test_sort_and_pages(client: TestClient) -> None:
    page = events(client, sort="fatalities", order="desc", limit=5)
    assert [r["event"]["fatalities"] for r in page["rows"]] == [30, 25, 15, 12, 7]
    rest = events(client, sort="fatalities", order="desc", limit=5, offset=10)
    assert rest["total"] == 12 and [r["event"]["fatalities"] for r in rest["rows"]] == [None, None]
    by_outlet = events(client, sort="outlet")
    outlets = [r["outlet"] for r in by_outlet["rows"]]
    assert outlets[:2] == ["<script>alert(3)</script>Le Journal", "ActuNiger"]


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,50,10,40"},
        {"sort": "event_date; DROP TABLE events"},
        {"order": "sideways"},
        {"since": "yesterday"},
        {"limit": 5000},
        {"offset": -1},
        {"certainty": "sure"},
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_points_and_timeline(client: TestClient) -> None:
    points = client.get("/api/points").json()["points"]
    assert len(points) == 11  # the undated agreement has no location
    assert {p["event_type"] for p in points} >= {"Battles", "Protests"}
    days = client.get("/api/timeline", params={"country": "SD"}).json()["days"]
    assert days == [
        {"date": "2024-03-10", "event_type": "Explosions/Remote violence", "count": 1},
        {"date": "2024-03-11", "event_type": "Explosions/Remote violence", "count": 1},
    ]
    assert sum(d["count"] for d in client.get("/api/timeline").json()["days"]) == 11


def test_facets(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert "Air/drone strike" in facets["event_types"]["Explosions/Remote violence"]
    assert {"code": "ML", "name": "Mali"} in facets["countries"]
    assert facets["certainties"] == ["asserted", "attributed", "hedged"]
    assert "RFI" in facets["outlets"] and "des habitants" in facets["sources"]
    assert (facets["first_date"], facets["last_date"]) == ("2024-01-12", "2024-03-11")


def test_article_with_spans(client: TestClient) -> None:
    article = client.get(f"/api/articles/{GAO_ID}").json()
    text = article["text"]
    evidence = [s for s in article["spans"] if s["kind"] == "event"]
    assert [text[s["start"] : s["end"]] for s in evidence] == [GAO_EVIDENCE]
    actors = {text[s["start"] : s["end"]] for s in article["spans"] if s["kind"] == "actor"}
    assert actors == {"l'armée malienne", "jihadistes du JNIM"}
    kinds = {s["kind"] for s in article["spans"]}
    assert kinds == {"event", "actor", "place", "source", "label"}
    assert article["result"]["events"][0]["notes"].startswith("On 12 January 2024")
    assert client.get("/api/articles/nope").status_code == 404


def test_hostile_article_is_data_in_json(client: TestClient) -> None:
    response = client.get(f"/api/articles/{XSS_ID}")
    assert response.headers["content-type"] == "application/json"
    assert "<script>alert(1)</script>" in response.json()["text"]


def test_export_acled_csv_keeps_event_ids(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "acled-csv", "type": "Violence against civilians"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == ["bf-djibo-2024-02-03-2", "cd-bunia-2024-03-05-1"]
    assert rows[1]["fatalities"] == "25" and rows[1]["source"] == "la société civile"


def test_export_geojson_and_jsonl(client: TestClient) -> None:
    geo = client.get("/api/export", params={"format": "geojson", "country": "CD"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert [f["properties"]["index"] for f in geo["features"]] == [0, 1]
    lines = client.get("/api/export", params={"format": "jsonl", "type": "Battles", "country": "CD"}).text
    records = [json.loads(line) for line in lines.splitlines()]
    assert [r["id"] for r in records] == ["cd-bunia-2024-03-05"]
    assert [e["sub_event_type"] for e in records[0]["events"]] == ["Armed clash"]
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_openapi_describes_the_filters(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/points"]["get"]["parameters"]}
    assert names == {
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
    }
    assert {"/api/events", "/api/timeline", "/api/export", "/api/facets", "/api/config"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize(
    "path", ["/", "/article", "/merged", "/api/events", "/static/app.css", "/static/js/main.js", "/static/js/merged.js"]
)
def test_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_tiles_are_allowed_by_the_csp(demo_db: Path) -> None:
    app = create_app(WebConfig(Database(str(demo_db)), tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png"))
    with TestClient(app, base_url=LOCAL) as c:
        csp = c.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tile.example.org;" in csp
        assert c.get("/api/config").json()["tiles"].startswith("https://{s}.tile.example.org")


def test_foreign_host_header_is_refused_without_token(app: FastAPI) -> None:
    with TestClient(app, base_url="http://evil.example") as c:
        assert c.get("/api/events").status_code == 400
    with TestClient(app, base_url="http://localhost:8000") as c:
        assert c.get("/api/events").status_code == 200


@pytest.fixture(scope="module")
def guarded(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(Database(str(demo_db)), token=TOKEN)), base_url="http://10.1.2.3:8000") as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/article", "/merged", "/api/events", "/api/openapi.json", "/static/app.css"])
def test_token_is_checked_on_every_request(guarded: TestClient, path: str) -> None:
    guarded.cookies.clear()
    assert guarded.get(path).status_code == 401
    assert guarded.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_token_in_url_becomes_a_cookie(guarded: TestClient) -> None:
    guarded.cookies.clear()
    response = guarded.get("/", params={"token": TOKEN, "type": "Battles"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/?type=Battles"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert guarded.get("/api/events").status_code == 200  # the cookie is sent from then on
    guarded.cookies.clear()
    assert guarded.get("/api/events", params={"token": TOKEN}).status_code == 200


def test_database_is_opened_read_only(demo_db: Path, client: TestClient) -> None:
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    events(client)
    client.get("/api/export", params={"format": "jsonl"})
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    with connect_read_only(demo_db) as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM events")


def test_read_only_open_refuses_missing_or_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect_read_only(tmp_path / "missing.db")
    sqlite3.connect(tmp_path / "other.db").close()
    with pytest.raises(StoreError, match="schema version 0"):
        connect_read_only(tmp_path / "other.db")


def test_serve_refuses_other_hosts_without_token(demo_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(serve, ["--db", str(demo_db), "--host", "0.0.0.0"], env={"TEMOIN_TOKEN": ""})
    assert result.exit_code == 2 and "needs a token" in result.output
    result = runner.invoke(serve, ["--db", str(demo_db), "--host", "0.0.0.0", "--token", "short"])
    assert result.exit_code == 2 and "at least 16 characters" in result.output
    result = runner.invoke(serve, ["--db", str(demo_db.parent / "missing.db")])
    assert result.exit_code == 2 and "no such database" in result.output
    result = runner.invoke(serve, ["--db", str(demo_db), "--tiles", "ftp://x/{z}"])
    assert result.exit_code == 2 and "tile URL" in result.output


def test_serve_runs_uvicorn_on_loopback(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(serve, ["--db", str(demo_db), "--port", "8123"], env={"TEMOIN_TOKEN": ""})
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    args = ["--db", str(demo_db), "--host", "0.0.0.0"]
    result = CliRunner().invoke(serve, args, env={"TEMOIN_TOKEN": TOKEN})
    assert result.exit_code == 0 and calls[1]["host"] == "0.0.0.0"


def test_pages_have_no_inline_code() -> None:
    for page in ("index.html", "article.html", "merged.html"):
        html = (STATIC / page).read_text(encoding="utf-8")
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert not re.search(r"\son[a-z]+\s*=|\sstyle\s*=|<style", html, re.IGNORECASE)


def test_scripts_never_parse_html_from_data() -> None:
    for script in (STATIC / "js").glob("*.js"):
        code = script.read_text(encoding="utf-8")
        for sink in SINKS:
            assert sink not in code, f"{script.name} uses {sink}"


@pytest.mark.parametrize(
    "sort", ["date", "type", "subtype", "actor", "location", "country", "fatalities", "certainty", "outlet"]
)
def test_pages_follow_the_full_order(demo_db: Path, sort: str) -> None:
    # A page is read keys first, then rows: it must be the same slice as one pass over everything.
    from temoin.web.queries import Reader, Selection

    with connect_read_only(demo_db) as store:
        reader = Reader(store)
        for descending in (False, True):
            everything = reader.rows(Selection(), sort, descending)
            assert len(everything) == 12
            for limit, offset in ((5, 0), (5, 5), (5, 10), (50, 0), (3, 11), (5, 12)):
                assert reader.rows(Selection(), sort, descending, limit, offset) == everything[offset : offset + limit]


def test_a_page_is_read_in_one_snapshot(demo_db: Path) -> None:
    # Keys and rows come from one read transaction: an article re-analysed in between (new rowids)
    # cannot make rows vanish from the page.
    from temoin.web.queries import Reader, Selection

    with connect_read_only(demo_db) as store:
        reader = Reader(store)
        with reader.snapshot():
            assert store.conn.in_transaction
            assert len(reader.rows(Selection(), limit=5)) == 5
        assert not store.conn.in_transaction
        assert len(reader.rows(Selection(), limit=5)) == 5 and not store.conn.in_transaction
