"""Who may talk to the app, and what the browser may do with its pages.

* Loopback by default; any other address needs a token, checked on every request
  (``Authorization: Bearer``, the ``temoin_token`` cookie, or ``?token=`` once,
  which the pages trade for an HttpOnly cookie).
* Without a token, only loopback ``Host`` headers are accepted (DNS rebinding).
* Every response carries a Content-Security-Policy that forbids inline scripts.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

COOKIE = "temoin_token"
PAGES = frozenset({"/", "/article", "/merged"})
MIN_TOKEN_LENGTH = 16

Endpoint = Callable[[Request], Awaitable[Response]]


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1 (bracketed or not)."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def tiles_origin(template: str) -> str:
    """The CSP source for a tile URL template: ``https://{s}.tile.example.org/...`` -> ``https://*.tile.example.org``."""
    parts = urlsplit(template.replace("{s}", "*"))
    if parts.scheme not in {"http", "https"} or not parts.netloc or "{" in parts.netloc:
        raise ValueError(f"{template!r} is not an http(s) tile URL template")
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(tiles: str | None) -> str:
    images = "'self' data:" + (f" {tiles_origin(tiles)}" if tiles else "")
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; font-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    )


def security_headers(tiles: str | None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(tiles),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port (``[::1]:8000`` -> ``[::1]``)."""
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


@dataclass(frozen=True, slots=True)
class Guard:
    """The checks made before any route runs."""

    token: str | None
    tiles: str | None = None

    def same(self, offered: str | None) -> bool:
        return bool(self.token and offered) and hmac.compare_digest(
            str(offered).encode("utf-8"), str(self.token).encode("utf-8")
        )

    def offered(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.cookies.get(COOKIE)

    def refusal(self, request: Request) -> Response | None:
        """``None`` when the request may go on; otherwise the response to send instead."""
        if self.token is None:
            if not is_loopback(host_name(request.headers.get("host", ""))):
                return JSONResponse({"detail": "this server answers to localhost only"}, status_code=400)
            return None
        if self.same(self.offered(request)):
            return None
        if self.same(request.query_params.get("token")):
            return self.trade_for_cookie(request) if request.url.path in PAGES else None
        return JSONResponse(
            {"detail": "a valid token is needed (Authorization: Bearer, or ?token=)"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    def trade_for_cookie(self, request: Request) -> Response:
        """Redirect to the same page without the token in the URL, holding it in an HttpOnly cookie."""
        query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
        response = RedirectResponse(request.url.path + (f"?{query}" if query else ""), status_code=303)
        response.set_cookie(COOKIE, str(self.token), httponly=True, samesite="strict", path="/")
        return response

    async def __call__(self, request: Request, call_next: Endpoint) -> Response:
        response = self.refusal(request) or await call_next(request)
        response.headers.update(security_headers(self.tiles))
        return response
