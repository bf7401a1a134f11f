"""Stored events as a partitioned Parquet dataset (hive layout: ``country=ML/part-0.parquet``).

The dataset is rewritten whole from the store after each batch, so it always
matches the database, whatever earlier runs wrote. A directory is only ever
replaced if it is empty or holds a dataset temoin wrote (the marker file).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.dataset as ds

from temoin.exceptions import ExportError
from temoin.store.sqlite import Store, StoredEvent

if TYPE_CHECKING:
    from temoin.store.postgres import PostgresStore

MARKER = "_temoin_dataset"
PARTITIONS = ("country", "month")
SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("idx", pa.int32()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("event_date", pa.date32()),
        ("time_precision", pa.int32()),
        ("actor1", pa.string()),
        ("actor1_country", pa.string()),
        ("actor2", pa.string()),
        ("actor2_country", pa.string()),
        ("location", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int32()),
        ("fatalities", pa.int32()),
        ("injuries", pa.int32()),
        ("sources", pa.list_(pa.string())),
        ("certainty", pa.string()),
        ("notes", pa.string()),
        ("country", pa.string()),
        ("month", pa.string()),
    ]
)


def event_record(stored: StoredEvent) -> dict[str, Any]:
    e, loc = stored.event, stored.event.location
    return {
        "article_id": stored.article_id,
        "idx": stored.index,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "event_date": e.event_date,
        "time_precision": e.time_precision,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor1_country": e.actor1.country if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "actor2_country": e.actor2.country if e.actor2 else None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "fatalities": e.fatalities,
        "injuries": e.injuries,
        "sources": list(e.sources),
        "certainty": e.certainty,
        "notes": e.notes,
        "country": (loc.country if loc and loc.country else "unknown"),
        "month": e.event_date.strftime("%Y-%m") if e.event_date else "unknown",
    }


def write_parquet(store: Store | PostgresStore, directory: str | Path, partition_by: str = "country") -> int:
    """Write every stored event to ``directory``, partitioned by location country or event month."""
    if partition_by not in PARTITIONS:
        raise ExportError(f"cannot partition by {partition_by!r} (choose from {', '.join(PARTITIONS)})")
    target = Path(directory)
    check_replaceable(target)
    table = pa.Table.from_pylist([event_record(e) for e in store.events()], schema=SCHEMA)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (staging / "data").mkdir()
        ds.write_dataset(
            table,
            staging / "data",
            format="parquet",
            partitioning=[partition_by],
            partitioning_flavor="hive",
            existing_data_behavior="overwrite_or_ignore",
        )
        (staging / "data" / MARKER).write_text(f"partition_by={partition_by}\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        (staging / "data").rename(target)
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"{target}: cannot write the Parquet dataset ({exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return int(table.num_rows)


def check_replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).exists()):
        raise ExportError(f"{target}: exists and is not a Parquet dataset temoin wrote; choose another one")
