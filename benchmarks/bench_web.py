"""Latency of `temoin serve`'s JSON API over a 100,000-event database (loopback only).

    python benchmarks/bench_web.py                          # 100,000 events, 3,000 requests, 1 client
    python benchmarks/bench_web.py --clients 4              # 4 clients at once (threads, one connection each)
    python benchmarks/bench_web.py --db /tmp/web100k.db     # keep the database (and reuse it next time)
    python benchmarks/bench_web.py --only events            # /api/events alone

1. Builds a SQLite database of synthetic, hand-made records (no NLP) with ``Store.save``,
   one article of 5 events at a time, unless ``--db`` already holds as many events
   (an older schema is migrated first, as ``temoin serve --migrate`` would).
2. Starts ``temoin serve`` (Uvicorn, rate limit off) in a child process on 127.0.0.1.
3. Sends a bounded number of requests from this process, over keep-alive connections,
   after a short warm-up, cycling through the queries the pages make: ``/api/events``
   (filters, sorts, a deep page), then the other endpoints (timeline, map points, facets,
   an article, the merged-event counts of a table page, a merged event).
4. Prints p50/p90/p99/max latency per endpoint and per query kind, as markdown.

Only loopback traffic; the request count and every timeout are bounded, and the server is
stopped on the way out.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"  # never anything else
EVENTS_PER_ARTICLE = 5
WARMUP = 50
TIMEOUT = 30.0

TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Looting/property destruction"),
]
PLACES = [  # name, ISO alpha-2, latitude, longitude
    ("Gao", "ML", 16.27, -0.04),
    ("Kidal", "ML", 18.44, 1.41),
    ("Mopti", "ML", 14.49, -4.20),
    ("Djibo", "BF", 14.10, -1.63),
    ("Ouahigouya", "BF", 13.58, -2.42),
    ("Niamey", "NE", 13.51, 2.11),
    ("Tillabéri", "NE", 14.21, 1.45),
    ("Bunia", "CD", 1.56, 30.25),
    ("Goma", "CD", -1.68, 29.23),
    ("El Fasher", "SD", 13.63, 25.35),
    ("Khartoum", "SD", 15.50, 32.56),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Bangui", "CF", 4.36, 18.56),
    ("Mocímboa da Praia", "MZ", -11.35, 40.35),
]
ACTORS = [  # name, ISO alpha-3, sector
    ("Military Forces of Mali", "MLI", "MIL"),
    ("JNIM: Jama'at Nasr al-Islam wal Muslimin", "MLI", "REB"),
    ("Military Forces of Burkina Faso", "BFA", "MIL"),
    ("Islamic State (Sahel)", "NER", "REB"),
    ("CODECO: Cooperative for Development of Congo", "COD", "UAF"),
    ("M23: March 23 Movement", "COD", "REB"),
    ("RSF: Rapid Support Forces", "SDN", "REB"),
    ("Military Forces of Sudan", "SDN", "MIL"),
    ("Boko Haram", "NGA", "REB"),
    ("Protesters (Niger)", "NER", "CVL"),
    ("Civilians (Mali)", "MLI", "CVL"),
]
OUTLETS = ["RFI", "Le Monde", "France 24", "Studio Tamani", "Radio Okapi", "ActuNiger", "BBC Afrique", "Jeune Afrique"]
SOURCES = ["une source sécuritaire", "l'armée", "des habitants", "la société civile", "un élu local", "l'ONU"]
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365


def synthetic_results(events: int, seed: int) -> list[object]:
    """Hand-made ArticleResults: ``events`` events, 5 per article, spread over 3 years and 14 places."""
    from temoin.records import Actor, Article, ArticleResult, Event, Evidence, Location

    rng = random.Random(seed)
    results: list[object] = []
    for n in range(events // EVENTS_PER_ARTICLE):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        text = f"Article synthétique numéro {n}. " + "Des combats ont eu lieu. " * EVENTS_PER_ARTICLE
        items = []
        for i in range(EVENTS_PER_ARTICLE):
            event_type, sub = rng.choice(TYPES)
            name, iso2, lat, lon = rng.choice(PLACES)
            a1, a2 = rng.sample(ACTORS, 2)
            start = text.index("Des combats", 0) + 25 * i
            items.append(
                Event(
                    event_type,
                    sub,
                    day - timedelta(days=rng.randrange(3)),
                    1,
                    Actor(*a1),
                    Actor(*a2) if rng.random() < 0.6 else None,
                    Location(
                        name, iso2, lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.3, 0.3), rng.choice((1, 1, 2, 3))
                    )
                    if rng.random() < 0.95
                    else None,
                    rng.choice((None, 0, 1, 2, 3, 5, 8, 12, 20, 45)),
                    None,
                    rng.sample(SOURCES, rng.randrange(3)),
                    rng.choice(("asserted", "attributed", "hedged")),
                    Evidence(start, start + 24, "Des combats ont eu lieu."),
                    notes=f"Synthetic event {n}-{i}.",
                )
            )
        article = Article(
            f"syn-{n:06d}",
            text,
            day + timedelta(days=1),
            f"Synthetic article {n}",
            f"https://example.org/{n}",
            rng.choice(OUTLETS),
        )
        results.append(ArticleResult(article, items))
    return results


def event_count(db: Path) -> int:
    import sqlite3

    if not db.is_file():
        return 0
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def build(db: Path, events: int, seed: int) -> float:
    """Write the synthetic records with Store.save (one transaction per article); the seconds it took."""
    from temoin.store import open_store

    results = synthetic_results(events, seed)
    start = time.perf_counter()
    with open_store(db) as store:
        for result in results:
            store.save(result)  # type: ignore[arg-type]
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = "from temoin.cli import cli; cli(prog_name='temoin')"
    args = [
        sys.executable,
        "-c",
        code,
        "serve",
        "--db",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--rate-limit",
        "0",
    ]
    env = {**os.environ, "TEMOIN_TOKEN": ""}
    server = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"temoin serve exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/config")
            if conn.getresponse().status == 200:
                conn.close()
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("temoin serve did not answer within 60 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


Kinds = dict[str, Callable[[], str]]


def event_kinds(rng: random.Random) -> Kinds:
    """The /api/events queries of the events page: name -> maker of a path."""

    def day() -> date:
        return FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))

    def month() -> dict[str, str]:
        since = day()
        return {"since": since.isoformat(), "until": (since + timedelta(days=30)).isoformat()}

    def box() -> str:
        _, _, lat, lon = rng.choice(PLACES)
        return f"{lon - 3:.4f},{lat - 3:.4f},{lon + 3:.4f},{lat + 3:.4f}"

    kinds: dict[str, Callable[[], dict[str, object]]] = {
        "first page (by date)": lambda: {"limit": 50},
        "page 1000 (offset 49,950)": lambda: {"limit": 50, "offset": 49_950},
        "event type": lambda: {"type": rng.choice(TYPES)[0], "limit": 50},
        "country, by toll desc": lambda: {
            "country": rng.choice(PLACES)[1],
            "sort": "fatalities",
            "order": "desc",
            "limit": 50,
        },
        "actor (substring)": lambda: {"actor": rng.choice(("JNIM", "RSF", "Boko", "M23", "Military")), "limit": 50},
        "one month": lambda: {**month(), "limit": 50},
        "map extent (bbox)": lambda: {"bbox": box(), "limit": 50},
        "type + country + month": lambda: {
            "type": rng.choice(TYPES)[0],
            "country": rng.choice(PLACES)[1],
            **month(),
            "limit": 50,
        },
    }
    return {name: path_maker("/api/events", make) for name, make in kinds.items()}


def path_maker(path: str, make: Callable[[], dict[str, object]]) -> Callable[[], str]:
    return lambda: f"{path}?{urlencode(make())}"


def other_kinds(rng: random.Random, articles: int) -> Kinds:
    """The other endpoints the pages call: name -> maker of a path."""

    def article() -> str:
        return f"syn-{rng.randrange(articles):06d}"

    def page() -> str:
        return urlencode({"limit": 50, "offset": 50 * rng.randrange(articles * EVENTS_PER_ARTICLE // 50)})

    return {
        "timeline, everything": lambda: "/api/timeline",
        "timeline, one country": lambda: "/api/timeline?" + urlencode({"country": rng.choice(PLACES)[1]}),
        "points, one country": lambda: "/api/points?" + urlencode({"country": rng.choice(PLACES)[1]}),
        "facets": lambda: "/api/facets",
        "article": lambda: "/api/articles/" + article(),
        "merged counts, a page of 50": lambda: "/api/merged/counts?" + page(),
        "merged event": lambda: (
            "/api/merged?" + urlencode({"article": article(), "event": rng.randrange(EVENTS_PER_ARTICLE)})
        ),
    }


def endpoint(path: str) -> str:
    """``/api/merged/counts?...`` -> ``/api/merged/counts``; ``/api/articles/x`` -> ``/api/articles/{id}``."""
    name = path.split("?", 1)[0]
    return "/api/articles/{id}" if name.startswith("/api/articles/") else name


def client(port: int, plan: list[tuple[str, str]], out: list[tuple[str, float, int]]) -> None:
    """Send ``plan`` (kind, path) over one keep-alive connection; append (kind, seconds, status) to ``out``."""
    conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        for kind, path in plan:
            start = time.perf_counter()
            conn.request("GET", path, headers={"Accept": "application/json"})
            response = conn.getresponse()
            body = response.read()
            out.append((kind, time.perf_counter() - start, response.status))
            if response.status != 200:
                print(f"{path}: {response.status} {body[:200]!r}", file=sys.stderr)
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def row(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    cells = [
        label,
        str(len(ms)),
        f"{percentile(ms, 50):.1f}",
        f"{percentile(ms, 90):.1f}",
        f"{percentile(ms, 99):.1f}",
        f"{max(ms):.1f}",
        f"{statistics.fmean(ms):.1f}",
    ]
    return "| " + " | ".join(cells) + " |"


def plan_requests(requests: int, seed: int, events: int, only: str) -> list[tuple[str, str]]:
    """``requests`` (kind, path) pairs cycling through the kinds (8 of every 15 to /api/events, all of them with
    ``only="events"``)."""
    rng = random.Random(seed)
    kinds = event_kinds(rng)
    if only != "events":
        kinds |= other_kinds(rng, events // EVENTS_PER_ARTICLE)
    names = list(kinds)
    return [(names[i % len(names)], kinds[names[i % len(names)]]()) for i in range(requests)]


def run(port: int, plan: list[tuple[str, str]], clients: int) -> tuple[list[tuple[str, float, int]], float]:
    warm: list[tuple[str, float, int]] = []
    client(port, plan[:WARMUP], warm)
    out: list[tuple[str, float, int]] = []
    threads = [threading.Thread(target=client, args=(port, plan[i::clients], out)) for i in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * len(plan))
    return out, time.perf_counter() - start


def report(out: list[tuple[str, float, int]], plan: list[tuple[str, str]]) -> None:
    """The markdown tables: per endpoint, then per query kind."""
    endpoint_of = {kind: endpoint(path) for kind, path in plan}
    by_endpoint: dict[str, list[float]] = defaultdict(list)
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, seconds, _ in out:
        by_endpoint[endpoint_of[kind]].append(seconds)
        by_kind[kind].append(seconds)
    print("| endpoint | requests | p50 ms | p90 ms | p99 ms | max ms | mean ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, times in by_endpoint.items():
        print(row(f"`{name}`", times))
    print("\n| query | requests | p50 ms | p90 ms | p99 ms | max ms | mean ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, times in by_kind.items():
        print(row(f"{kind} (`{endpoint_of[kind]}`)", times))
    print(
        json.dumps(
            {
                name: {"p50_ms": round(percentile(s, 50) * 1000, 1), "p99_ms": round(percentile(s, 99) * 1000, 1)}
                for name, s in by_endpoint.items()
            }
        )
    )


def other_processes() -> str:
    """The load average, and the busiest processes other than this benchmark's, from ps (Linux)."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        ps = subprocess.run(
            ["ps", "-eo", "pid,pcpu,comm", "--sort=-pcpu", "--no-headers"], capture_output=True, text=True, timeout=10
        ).stdout.splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return f"load average {load}"
    mine = {str(os.getpid())}
    busy = [line.split(None, 2) for line in ps if len(line.split(None, 2)) == 3]
    others = [f"{comm} {cpu}%" for pid, cpu, comm in busy if pid not in mine and float(cpu) >= 5.0][:6]
    return f"load average {load}; other processes using CPU: {', '.join(others) or 'none above 5 %'}"


def prepare(db: Path, events: int, seed: int) -> None:
    """Reuse ``db`` when it holds ``events`` events (migrating an older schema), else build it."""
    if event_count(db) == events - events % EVENTS_PER_ARTICLE:
        from temoin.store import open_store

        open_store(db).close()  # brings an older schema up to date, as `temoin serve --migrate` would
        print(f"database: {db} reused ({events:,} events)")
        return
    if db.exists():
        sys.exit(f"{db} exists and does not hold {events} events: remove it or pick another path")
    seconds = build(db, events, seed)
    print(
        f"database: {event_count(db):,} events in {seconds:.1f} s with Store.save ({db.stat().st_size / 2**20:.0f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=3_000, help="at most 20,000")
    parser.add_argument("--clients", type=int, default=1, help="concurrent connections (1-16)")
    parser.add_argument("--db", type=Path, help="database to build (or reuse when it holds --events events)")
    parser.add_argument("--only", choices=("all", "events"), default="all", help="every endpoint, or /api/events")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (1 <= args.requests <= 20_000 and 1 <= args.clients <= 16 and args.events >= EVENTS_PER_ARTICLE):
        parser.error("--requests is 1..20000, --clients 1..16, --events at least 5")

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        db = args.db or Path(tmp) / "web.db"
        prepare(db, args.events, args.seed)
        plan = plan_requests(args.requests, args.seed, args.events, args.only)
        before = other_processes()
        port = free_port()
        server = start_server(db, port)
        try:
            out, wall = run(port, plan, args.clients)
        finally:
            stop(server)
        after = other_processes()

    failed = sum(1 for _, _, status in out if status != 200)
    if failed or len(out) != len(plan):
        sys.exit(f"{failed} request(s) failed, {len(plan) - len(out)} not sent")
    print(
        f"\n{len(out):,} requests from {args.clients} client(s) on {HOST} in {wall:.1f} s "
        f"({len(out) / wall:.0f} requests/s), after {WARMUP} warm-up requests; "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPU(s)"
    )
    print(f"before: {before}\nafter:  {after}\n")
    report(out, plan)


if __name__ == "__main__":
    main()
