"""Schemathesis against the app's own OpenAPI description, in-process (ASGI), over the demo database.

Every operation gets a bounded number of generated requests, valid and invalid ones; every
response must be no 5xx, a documented status code and content type, and match its schema;
valid requests must be accepted and invalid ones refused. About 20 s.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from temoin.web import Database, WebConfig, create_app
from tests.web_merged_fixtures import build_merged_db

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (a dev dependency)")

EXAMPLES = int(os.environ.get("TEMOIN_SCHEMA_EXAMPLES", "80"))  # per operation; more for a deeper run
LOCAL = {"Host": "127.0.0.1"}  # without a token the app answers loopback Host headers only


def bboxes() -> st.SearchStrategy[str]:
    """The ``bbox`` format: the pattern checks each coordinate, not that south <= north."""
    lon = st.floats(-180, 180).map(lambda v: f"{v:.4f}")
    lats = st.lists(st.floats(-90, 90), min_size=2, max_size=2).map(sorted)
    return st.tuples(lon, lats, lon).map(lambda t: f"{t[0]},{t[1][0]:.4f},{t[2]},{t[1][1]:.4f}")


schemathesis.openapi.format("bbox", bboxes())


# Loaded at import: schemathesis.pytest.from_fixture (4.32) fails under pytest 9 (no Node._nodeid).
# The app opens its database on each request only, so the file is written by the fixture below.
DB = Path(tempfile.mkdtemp(prefix="temoin-web-schema-")) / "demo.db"
atexit.register(shutil.rmtree, DB.parent, True)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(WebConfig(Database(str(DB)))), headers=LOCAL)


@pytest.fixture(scope="module", autouse=True)
def demo_db() -> Iterator[Path]:
    yield build_merged_db(DB)  # the demo database, plus one event told by three outlets


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_api_matches_its_openapi_description(case: Any) -> None:
    response = case.call(headers=LOCAL)
    if response.status_code in {413, 414}:
        # A request too large is refused before its parameters are read: a refusal, which schemathesis's
        # negative_data_rejection check does not count among its expected statuses (a hypothesis of ~8 kB of
        # invalid bbox values made this flaky). The refusal itself is documented and tested in test_web_hardening.
        return
    case.validate_response(response)


def test_the_description_covers_every_route_and_refusal() -> None:
    paths = schema.raw_schema["paths"]
    assert set(paths) == {
        "/api/config",
        "/api/facets",
        "/api/events",
        "/api/points",
        "/api/timeline",
        "/api/export",
        "/api/articles/{article_id}",
        "/api/merged",
        "/api/merged/counts",
    }
    for path in paths.values():
        assert set(path["get"]["responses"]) >= {"200", "400", "401", "413", "414", "429", "503"}
    assert "404" in paths["/api/articles/{article_id}"]["get"]["responses"]
    assert "404" in paths["/api/merged"]["get"]["responses"]
