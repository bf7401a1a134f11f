// The article view: its text with events, places, actors, sources and labels highlighted
// (displaCy-like), and the coded events with their English notes. Text only ever becomes text nodes.

import {getJSON} from './api.js';
import {el, replaceChildren, safeUrl, showError} from './dom.js';
import {typeClass} from './colors.js';
import {backLink, mergedLink, toldBy} from './links.js';

const KINDS = [
  ['event', 'Event evidence'], ['actor', 'Actors'], ['place', 'Places'], ['source', 'Sources'], ['label', 'Labels'],
];

// Cut the text at every span boundary; each piece is wrapped in the spans that cover it
// (entities innermost, evidence outermost). A span's tag is a data-label shown by CSS on its last piece.
export function highlight(text, spans) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const entities = covering.filter((s) => s.kind !== 'event').sort((x, y) => (x.end - x.start) - (y.end - y.start));
    let node = document.createTextNode(text.slice(a, b));
    for (const s of entities) node = wrap('mark', s, b, node, {class: `ent ent-${s.kind}`});
    for (const s of covering.filter((x) => x.kind === 'event')) {
      node = wrap('span', s, b, node, {class: 'evidence', 'data-event': s.event});
    }
    pieces.push(node);
  }
  return pieces;
}

function wrap(tag, span, pieceEnd, child, attrs) {
  const last = span.end === pieceEnd;
  const title = span.detail ? `${span.label}: ${span.detail}` : span.label;
  return el(tag, {...attrs, title, 'data-label': last ? span.label : null, class: `${attrs.class}${last ? ' last' : ''}`},
    child);
}

function actorText(actor) {
  return actor ? `${actor.name} (${actor.country}, ${actor.sector})` : '—';
}

function eventCard(event, index, focus) {
  const loc = event.location;
  const facts = [
    ['Date', event.event_date ?? 'undated'],
    ['Location', loc ? `${loc.name}, ${loc.country} (${loc.latitude}, ${loc.longitude}; precision ${loc.geo_precision})`
      : '—'],
    ['Actor 1', actorText(event.actor1)], ['Actor 2', actorText(event.actor2)],
    ['Fatalities', event.fatalities ?? 'unknown'], ['Injuries', event.injuries ?? 'unknown'],
    ['Certainty', event.certainty], ['Sources', event.sources.join('; ') || '—'],
  ];
  return el('section', {class: `event-card${index === focus ? ' focus' : ''}`, id: `event-${index}`,
    'data-event': index, tabindex: 0, onclick: () => focusEvent(index, true)},
  el('h3', {}, el('span', {class: `swatch ${typeClass(event.event_type)}`}), `E${index + 1} · ${event.event_type}`),
  el('p', {class: 'subtype'}, event.sub_event_type),
  el('dl', {}, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])),
  el('h4', {}, 'Notes'), el('p', {class: 'notes', lang: 'en'}, event.notes || '—'),
  el('h4', {}, 'Evidence'), el('blockquote', {lang: 'fr'}, event.evidence.text || '—'),
  el('p', {class: 'told', 'data-event': index}));
}

// Under each event, whether other articles tell it too, with a link to the reports side by side.
async function showCounts(article) {
  const {rows} = await getJSON('/api/merged/counts', new URLSearchParams({article: article.id, limit: '100'}));
  for (const count of rows) {
    const text = toldBy(count);
    const slot = document.querySelector(`.event-card[data-event="${count.index}"] .told`);
    if (!slot) continue;
    if (text) {
      replaceChildren(slot, el('a', {href: mergedLink(article.id, count.index), class: 'merged-link'},
        `${text[0].toUpperCase()}${text.slice(1)}: compare the reports`));
    } else {
      slot.classList.add('muted');
      replaceChildren(slot, 'No other article tells this event.');
    }
  }
}

function listSection(title, items, render) {
  if (!items.length) return null;
  return el('section', {class: 'list'}, el('h3', {}, title), el('ul', {}, items.map((x) => el('li', {}, render(x)))));
}

function focusEvent(index, updateUrl) {
  for (const node of document.querySelectorAll('.evidence.focus, .event-card.focus')) node.classList.remove('focus');
  const pieces = document.querySelectorAll(`.evidence[data-event="${index}"]`);
  for (const node of pieces) node.classList.add('focus');
  document.getElementById(`event-${index}`)?.classList.add('focus');
  pieces[0]?.scrollIntoView({block: 'center'});
  if (updateUrl) {
    const params = new URLSearchParams(location.search);
    params.set('event', String(index));
    history.replaceState(null, '', `${location.pathname}?${params}`);
  }
}

function kindToggles(text) {
  return KINDS.map(([kind, label]) => {
    const box = el('input', {type: 'checkbox', id: `k-${kind}`, checked: true,
      onchange: () => text.classList.toggle(`hide-${kind}`, !box.checked)});
    return el('label', {class: `kind kind-${kind}`, for: `k-${kind}`}, box, label);
  });
}

function side(article) {
  const r = article.result;
  const profile = r.profile;
  return [
    el('h2', {}, `${r.events.length} event(s)`),
    r.events.map((e, i) => eventCard(e, i, null)),
    listSection('Places', r.places, (p) => `${p.text} → ${p.name || p.text}, ${p.country} (${p.latitude}, ${p.longitude})`),
    listSection('Sources', r.attributions, (a) => a.source),
    listSection('Labels', r.labels, (lb) => [el('q', {}, lb.text), ` ${lb.kind}`,
      lb.technique ? ` · ${lb.technique}` : '', lb.neutral ? ` · neutral: ${lb.neutral}` : '']),
    profile ? el('p', {class: 'muted'}, `${profile.words} words, ${profile.claims} claim(s), `
      + `${Math.round(profile.attributed_share * 100)}% attributed, ${Math.round(profile.hedged_share * 100)}% hedged, `
      + `${profile.labels_per_1000_words.toFixed(1)} labels per 1000 words`) : null,
  ];
}

function meta(article) {
  const url = safeUrl(article.url);
  return [article.outlet || 'unknown outlet', ' · ', article.published ?? 'undated', ' · ', `id ${article.id}`,
    url ? [' · ', el('a', {href: url, rel: 'noopener noreferrer', target: '_blank'}, 'original')] : null];
}

async function start() {
  const params = new URLSearchParams(location.search);
  const back = backLink(params.get('from'));
  for (const id of ['back', 'back-link']) document.getElementById(id).setAttribute('href', back);
  const id = params.get('id');
  if (!id) throw new Error('no article id in the URL');
  const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${article.title || article.id} — temoin`;
  replaceChildren(document.getElementById('article-title'), article.title || article.id);
  replaceChildren(document.getElementById('article-meta'), meta(article));
  const text = document.getElementById('article-text');
  replaceChildren(text, highlight(article.text, article.spans));
  replaceChildren(document.getElementById('kinds'), kindToggles(text));
  replaceChildren(document.getElementById('article-side'), side(article));
  const event = Number.parseInt(params.get('event') ?? '', 10);
  if (Number.isInteger(event)) focusEvent(event, false);
  if (article.result.events.length) await showCounts(article).catch(() => {});
  document.body.dataset.ready = '1';
}

start().catch((error) => showError(document.getElementById('article-text'), `Could not load: ${error.message}`));
