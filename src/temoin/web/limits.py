"""Limits on what one request may carry and how often one client may ask.

* The query string is at most ``max_query`` bytes (414 beyond), the body at most ``max_body``
  bytes (413 beyond: announced by ``Content-Length`` or counted while the app reads it).
* With ``rate`` set, each client (its IP address, as the socket sees it) has a token bucket of
  ``burst`` requests refilled at ``rate`` per second; an empty bucket is answered 429 with
  ``Retry-After``. Off unless set (``temoin serve`` sets it; tests and ``create_app`` leave it off).

A plain ASGI middleware: it sits outside everything else, the token check included, so that
refused requests count too.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1_000_000
MAX_QUERY = 8 * 1024
MAX_CLIENTS = 10_000  # buckets kept before idle (full) ones are dropped


@dataclass(frozen=True, slots=True)
class Limits:
    max_body: int = MAX_BODY
    max_query: int = MAX_QUERY
    rate: float | None = None  # requests per second per client; None or 0: no rate limit
    burst: int = 60  # requests a client may make at once (the events page makes about 25 on load)

    def __post_init__(self) -> None:
        if self.max_body < 0 or self.max_query < 0:
            raise ValueError("size limits cannot be negative")
        if self.rate is not None and (self.rate < 0 or not math.isfinite(self.rate)):
            raise ValueError("the rate must be a finite number >= 0")
        if self.rate and self.burst < 1:
            raise ValueError("the burst must be at least 1")


@dataclass(slots=True)
class Bucket:
    tokens: float
    at: float


@dataclass(slots=True)
class TokenBuckets:
    """One token bucket per client key; ``take`` answers 0 (go on) or the seconds to wait."""

    rate: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    buckets: dict[str, Bucket] = field(default_factory=dict)

    def take(self, key: str) -> float:
        now = self.clock()
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= MAX_CLIENTS:
                self.prune(now)
            bucket = self.buckets[key] = Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.rate

    def prune(self, now: float) -> None:
        """Forget the clients whose bucket has refilled (they lose nothing by it); else the oldest half."""
        full = [k for k, b in self.buckets.items() if b.tokens + (now - b.at) * self.rate >= self.burst]
        if not full:
            full = sorted(self.buckets, key=lambda k: self.buckets[k].at)[: len(self.buckets) // 2]
        for key in full:
            del self.buckets[key]


class BodyTooLarge(Exception):
    pass


class LimitMiddleware:
    """Refuses oversized requests (414, 413) and, with a rate, clients that ask too often (429)."""

    def __init__(
        self,
        app: ASGIApp,
        limits: Limits,
        headers: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.limits = limits
        self.headers = headers or {}
        self.buckets = TokenBuckets(limits.rate, limits.burst, clock) if limits.rate else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            await self.answer(send, *refusal)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self.counting(receive), sending)
        except BodyTooLarge:
            if started:
                raise
            await self.answer(send, 413, f"the request body is larger than {self.limits.max_body} bytes")

    def refusal(self, scope: Scope) -> tuple[int, str, dict[str, str]] | None:
        if self.buckets is not None:
            client = scope.get("client")
            wait = self.buckets.take(str(client[0]) if client else "")
            if wait:
                return 429, "too many requests: try again later", {"Retry-After": str(max(1, math.ceil(wait)))}
        if len(scope.get("query_string", b"")) > self.limits.max_query:
            return 414, f"the query string is longer than {self.limits.max_query} bytes", {}
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None:
            try:
                too_large = int(length) > self.limits.max_body
            except ValueError:
                return 400, "bad Content-Length", {}
            if too_large:
                return 413, f"the request body is larger than {self.limits.max_body} bytes", {}
        return None

    def counting(self, receive: Receive) -> Receive:
        """``receive``, raising BodyTooLarge once the body read so far passes the limit (chunked bodies)."""
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limits.max_body:
                    raise BodyTooLarge
            return message

        return wrapped

    async def answer(self, send: Send, status: int, detail: str, extra: dict[str, str] | None = None) -> None:
        body = json.dumps({"detail": detail}).encode("utf-8")
        headers = {
            **self.headers,
            **(extra or {}),
            "content-type": "application/json",
            "content-length": str(len(body)),
            "connection": "close",
        }
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": body})
