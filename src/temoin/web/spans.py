"""The highlighted stretches of an article's text, from the offsets in its stored result."""

from __future__ import annotations

from temoin.records import Actor, ArticleResult, Event
from temoin.web.models import Span


def clamp(start: int, end: int, length: int) -> tuple[int, int] | None:
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def make_span(
    start: int, end: int, length: int, kind: str, label: str, detail: str = "", event: int | None = None
) -> list[Span]:
    bounds = clamp(start, end, length)
    if bounds is None:
        return []
    return [Span(start=bounds[0], end=bounds[1], kind=kind, label=label, detail=detail, event=event)]


def actor_spans(text: str, index: int, event: Event) -> list[Span]:
    """Actors carry their words, not offsets: look for them in the evidence, then anywhere."""
    spans: list[Span] = []
    for role, actor in (("actor 1", event.actor1), ("actor 2", event.actor2)):
        if actor is None or not actor.text:
            continue
        at = locate(text, actor, event)
        if at >= 0:
            spans += make_span(
                at,
                at + len(actor.text),
                len(text),
                "actor",
                role.upper(),
                f"{actor.name} ({actor.country}, {actor.sector})",
                index,
            )
    return spans


def locate(text: str, actor: Actor, event: Event) -> int:
    at = text.find(actor.text, event.evidence.start, max(event.evidence.end, event.evidence.start))
    return at if at >= 0 else text.find(actor.text)


def event_spans(result: ArticleResult) -> list[Span]:
    text, spans = result.article.text, []
    for i, event in enumerate(result.events):
        detail = f"{event.event_type} / {event.sub_event_type}"
        ev = event.evidence
        spans += make_span(ev.start, ev.end, len(text), "event", f"E{i + 1}", detail, i)
        spans += actor_spans(text, i, event)
    return spans


def article_spans(result: ArticleResult) -> list[Span]:
    n = len(result.article.text)
    spans = event_spans(result)
    for p in result.places:
        detail = f"{p.name or p.text} ({p.country}, {p.feature})"
        spans += make_span(p.start, p.end, n, "place", "PLACE", detail)
    for a in result.attributions:
        spans += make_span(a.start, a.end, n, "source", "SOURCE", a.source)
    for lb in result.labels:
        spans += make_span(
            lb.start,
            lb.end,
            n,
            "label",
            lb.kind.upper() or "LABEL",
            "; ".join(x for x in (lb.technique, lb.neutral and f"neutral: {lb.neutral}") if x),
        )
    return sorted(spans, key=lambda s: (s.start, -s.end))
