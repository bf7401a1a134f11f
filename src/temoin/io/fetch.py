"""Fetching pages and feeds politely and safely.

Only http and https URLs are fetched. Unless ``allow_private`` is set, a host
whose name resolves to any loopback, private, link-local, reserved or otherwise
non-global address is refused, before the request and again for every redirect
hop; the connection itself goes to the address that was checked (see
``_GuardedBackend``), so a DNS answer that changes between the check and the
connection cannot lead anywhere else. robots.txt is fetched with the same client
and obeyed, including its Crawl-delay. Bodies are streamed and cut at
``max_bytes``; each request has connect and read timeouts and a whole-page
deadline; network errors, timeouts, 429 and 5xx answers are retried with
exponential backoff.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from temoin.exceptions import FetchError
from temoin.io.options import FetchPolicy

SCHEMES = ("http", "https")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
ROBOTS_TOKEN = "temoin"
MAX_WAIT = 60.0  # the longest Crawl-delay or Retry-After obeyed, in seconds
CACHE_BYTES = 64 * 1024 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    body: bytes


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


class _Failure(Exception):
    """A reason not to go on, turned into a ``FetchError`` naming the input by ``Fetcher.get``."""

    def __init__(self, reason: str, retry: bool = False, wait: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.wait = wait


def address_kind(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched from (``"loopback"``, ``"private"``...), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an address literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise _Failure(f"cannot resolve host {host!r} ({getattr(exc, 'strerror', None) or exc})") from exc
    addresses: list[IPAddress] = []
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])  # drop an IPv6 zone
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise _Failure(f"cannot resolve host {host!r}")
    return addresses


def checked_addresses(host: str, port: int, allow_private: bool) -> list[IPAddress]:
    addresses = resolve(host, port)
    if not allow_private:
        for ip in addresses:
            kind = address_kind(ip)
            if kind:
                raise _Failure(
                    f"host {host!r} resolves to {ip}, a {kind} address; refused (--allow-private-addresses allows it)"
                )
    return addresses


def check_url(url: str, allow_private: bool) -> httpx.URL:
    """``url`` parsed, if its scheme is http(s) and (unless allowed) its host is public; else a ``_Failure``."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise _Failure(f"not a valid URL ({exc})") from exc
    if parsed.scheme not in SCHEMES:
        scheme = parsed.scheme or "none"
        raise _Failure(f"scheme {scheme!r} refused: only http and https URLs are fetched")
    if not parsed.host:
        raise _Failure("the URL has no host")
    checked_addresses(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80), allow_private)
    return parsed


class _GuardedBackend(httpcore.SyncBackend):
    """Connects to the address it has just checked, so the check and the connection see the same DNS answer."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        ip = checked_addresses(host, port, self.allow_private)[0]
        return super().connect_tcp(str(ip), port, timeout, local_address, socket_options)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False)  # an environment proxy would bypass the address check
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_GuardedBackend(allow_private)
        )


class Fetcher:
    """One HTTP client for a run: robots.txt and recent pages are cached, requests to a host spaced out."""

    def __init__(
        self,
        policy: FetchPolicy,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy
        self.sleep = sleep
        self.clock = clock
        self.client = httpx.Client(
            transport=_GuardedTransport(policy.allow_private),
            timeout=httpx.Timeout(policy.timeout),
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )
        self.robots: dict[str, RobotFileParser | _Failure] = {}
        self.last_request: dict[str, float] = {}
        self.cache: OrderedDict[str, Page] = OrderedDict()
        self.cached_bytes = 0

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, source: str) -> Page:
        """The page at ``url`` after redirects, or a ``FetchError`` naming ``source``."""
        if not self.policy.enabled:
            raise FetchError("fetching is off (--no-fetch); not fetched", source)
        if url in self.cache:
            return self.cache[url]
        try:
            page = self._follow(url, robots=True)
        except _Failure as exc:
            raise FetchError(exc.reason, source) from None
        self._remember(url, page)
        return page

    def _follow(self, url: str, robots: bool) -> Page:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            target = check_url(current, self.policy.allow_private)
            if robots:
                self._check_robots(target)
            outcome = self._with_retries(target)
            if isinstance(outcome, Page):
                return outcome
            current = urljoin(str(target), outcome.location)
        raise _Failure(f"more than {self.policy.max_redirects} redirects")

    def _with_retries(self, url: httpx.URL) -> Page | _Redirect:
        tries = self.policy.retries + 1
        for attempt in range(tries):
            self._wait_turn(url.host)
            try:
                return self._once(url)
            except _Failure as exc:
                if not exc.retry or attempt + 1 == tries:
                    suffix = f" (after {tries} tries)" if exc.retry and tries > 1 else ""
                    raise _Failure(exc.reason + suffix) from None
                self.sleep(max(exc.wait, self.policy.backoff * 2**attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _wait_turn(self, host: str) -> None:
        robots = self.robots.get(host)
        delay = self.policy.delay
        if isinstance(robots, RobotFileParser):
            asked = robots.crawl_delay(ROBOTS_TOKEN)
            delay = max(delay, min(float(asked or 0), MAX_WAIT))
        last = self.last_request.get(host)
        if last is not None and (wait := last + delay - self.clock()) > 0:
            self.sleep(wait)
        self.last_request[host] = self.clock()

    def _once(self, url: httpx.URL) -> Page | _Redirect:
        try:
            with self.client.stream("GET", url) as response:
                return self._answer(response)
        except httpx.TimeoutException as exc:
            raise _Failure(f"timed out after {self.policy.timeout:g} s ({type(exc).__name__})", retry=True) from exc
        except httpx.TransportError as exc:  # refused connection, reset, broken HTTP
            raise _Failure(f"network error ({type(exc).__name__}: {exc})", retry=True) from exc

    def _answer(self, response: httpx.Response) -> Page | _Redirect:
        status = response.status_code
        if response.is_redirect and "location" in response.headers:
            return _Redirect(response.headers["location"])
        if status in RETRY_STATUS:
            raise _Failure(f"HTTP {status} {response.reason_phrase}", retry=True, wait=retry_after(response))
        if status >= 400:
            raise _Failure(f"HTTP {status} {response.reason_phrase}")
        body = self._body(response)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Page(str(response.url), content_type, body)

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Failure(f"page of {declared} bytes, larger than {limit} bytes, the page limit; not read")
        deadline = self.clock() + 3 * self.policy.timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # decompressed: the limit holds against compression bombs
            size += len(chunk)
            if size > limit:
                raise _Failure(f"page larger than {limit} bytes, the page limit; cut")
            if self.clock() > deadline:
                raise _Failure(f"page not received within {3 * self.policy.timeout:g} s", retry=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_robots(self, url: httpx.URL) -> None:
        origin = f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}"
        rules = self.robots.get(url.host)
        if rules is None:
            rules = self._load_robots(origin)
            self.robots[url.host] = rules
        if isinstance(rules, _Failure):
            raise _Failure(f"robots.txt of {origin} could not be read ({rules.reason}); not fetched")
        if not rules.can_fetch(ROBOTS_TOKEN, str(url)):
            raise _Failure(f"robots.txt of {origin} disallows this URL; not fetched")

    def _load_robots(self, origin: str) -> RobotFileParser | _Failure:
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            page = self._follow(origin + "/robots.txt", robots=False)
        except _Failure as exc:
            if exc.reason.startswith(("HTTP 401", "HTTP 403")):
                rules.parse(["User-agent: *", "Disallow: /"])
            elif exc.reason.startswith("HTTP 4"):  # no robots.txt: everything is allowed
                rules.parse([])
            else:
                return exc
        else:
            rules.parse(page.body.decode("utf-8", "replace").splitlines())
        rules.modified()
        return rules

    def _remember(self, url: str, page: Page) -> None:
        if len(page.body) > CACHE_BYTES // 4:
            return
        self.cache[url] = page
        self.cached_bytes += len(page.body)
        while self.cached_bytes > CACHE_BYTES:
            _, old = self.cache.popitem(last=False)
            self.cached_bytes -= len(old.body)


def retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return min(float(value), MAX_WAIT) if value.isdigit() else 0.0
