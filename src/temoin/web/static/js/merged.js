// The merged view: one event as every outlet told it, the reports side by side (one column each,
// one row per fact), under what they make together. Text only ever becomes text nodes.

import {getJSON} from './api.js';
import {typeClass} from './colors.js';
import {el, replaceChildren, showError} from './dom.js';
import {backLink, eventLink} from './links.js';

const list = (items) => items.join('; ') || '—';
const actor = (a) => (a ? `${a.name} (${a.country}, ${a.sector})` : '—');
const place = (loc) => (loc ? `${loc.name}, ${loc.country} (precision ${loc.geo_precision})` : '—');
const toll = (n) => (n == null ? 'not given' : String(n));

// The evidence sentence with the article's labels inside it marked; labels without offsets are only listed.
export function evidenceNodes(text, labels) {
  const located = labels.filter((lb) => lb.start != null && lb.end != null && lb.start < lb.end && lb.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const lb of located) {
    if (lb.start < at) continue; // overlaps the one before
    nodes.push(text.slice(at, lb.start));
    nodes.push(el('mark', {class: `ent ent-label label-${lb.kind}`, title: labelText(lb)}, text.slice(lb.start, lb.end)));
    at = lb.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function labelText(lb) {
  return [lb.kind, lb.technique, lb.neutral ? `neutral: ${lb.neutral}` : ''].filter(Boolean).join(' · ');
}

// One row per fact: [heading, value of a report (text or nodes), comparable value or null].
const ROWS = [
  ['Event date', (r) => r.event.event_date ?? 'undated', (r) => r.event.event_date],
  ['Place', (r) => place(r.event.location), (r) => r.event.location?.name ?? null],
  ['Dead', (r) => toll(r.event.fatalities), (r) => r.event.fatalities],
  ['Injured', (r) => toll(r.event.injuries), (r) => r.event.injuries],
  ['Certainty', (r) => el('span', {class: `certainty certainty-${r.event.certainty}`}, r.event.certainty),
    (r) => r.event.certainty],
  ['Sources', (r) => list(r.event.sources), (r) => list(r.event.sources)],
  ['Actor 1', (r) => actor(r.event.actor1), null],
  ['Actor 2', (r) => actor(r.event.actor2), null],
  ['Labels', (r) => (r.labels.length ? el('ul', {class: 'labels'}, r.labels.map((lb) =>
    el('li', {}, el('q', {}, lb.text), ` ${labelText(lb)}`))) : '—'), null],
  ['Evidence', (r) => el('blockquote', {lang: 'fr'}, evidenceNodes(r.event.evidence.text || '', r.labels)), null],
  ['Notes', (r) => el('span', {lang: 'en'}, r.event.notes || '—'), null],
];

function header(report, focus) {
  return el('th', {scope: 'col', class: focus ? 'focus' : null},
    el('div', {class: 'outlet'}, report.outlet || 'unknown outlet'),
    el('a', {href: eventLink(report.article_id, report.index), class: 'read'}, report.title || report.article_id),
    el('div', {class: 'muted'}, `published ${report.published ?? 'undated'}`));
}

export function reportsTable(view) {
  const focus = (r) => r.article_id === view.article_id && r.index === view.index;
  const body = ROWS.map(([name, value, compare]) => {
    const differs = compare && new Set(view.reports.map((r) => JSON.stringify(compare(r)))).size > 1;
    return el('tr', {class: differs ? 'differs' : null},
      el('th', {scope: 'row'}, name, differs ? el('span', {class: 'muted'}, ' (differs)') : null),
      view.reports.map((r) => el('td', {class: focus(r) ? 'focus' : null}, value(r))));
  });
  return el('table', {id: 'compare', class: 'compare'},
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, `${view.reports.length} report(s)`),
      view.reports.map((r) => header(r, focus(r))))),
    el('tbody', {}, body));
}

function range(low, high) {
  if (low == null) return 'no report gives a toll';
  return low === high ? `${low} dead` : `${low} to ${high} dead, depending on the report`;
}

function dates(view) {
  if (!view.first_date) return 'undated';
  return view.first_date === view.last_date ? view.first_date : `${view.first_date} to ${view.last_date}`;
}

function stance(view) {
  if (!view.asserted_vs_attributed) {
    const all = view.asserting_outlets.length ? 'every outlet states it as fact' : 'no outlet states it as fact';
    return el('p', {id: 'stance'}, all);
  }
  return el('p', {id: 'stance', class: 'disputed'}, 'Asserted by ', el('strong', {}, view.asserting_outlets.join(', ')),
    '; only attributed or hedged by ', el('strong', {}, view.attributing_outlets.join(', ')), '.');
}

export function summary(view) {
  const n = view.outlets.length;
  return [
    el('h2', {}, el('span', {class: `swatch ${typeClass(view.event_type)}`}), `${view.sub_event_type} · ${view.event_type}`),
    el('p', {class: 'muted'}, `${dates(view)} · ${place(view.location)}`),
    el('dl', {class: 'merged-facts'},
      el('dt', {}, 'Toll'), el('dd', {id: 'toll-range'}, range(view.fatalities_min, view.fatalities_max)),
      el('dt', {}, 'Told by'), el('dd', {id: 'outlet-count'}, `${n} independent outlet${n === 1 ? '' : 's'}: `,
        view.outlets.join(', ')),
      el('dt', {}, 'Actors'), el('dd', {}, `${actor(view.actor1)} · ${actor(view.actor2)}`)),
    stance(view),
    view.complete ? null : el('p', {class: 'error', role: 'status'},
      'Too many reports are linked to this one: only the closest were read, the merge may be partial.'),
  ];
}

async function start() {
  const params = new URLSearchParams(location.search);
  const back = backLink(params.get('from'));
  for (const id of ['back', 'back-link']) document.getElementById(id).setAttribute('href', back);
  const article = params.get('article');
  const index = params.get('event');
  if (!article || index == null) throw new Error('no article and event in the URL');
  const view = await getJSON('/api/merged', new URLSearchParams({article, event: index}));
  document.title = `${view.sub_event_type}, ${view.location?.name ?? 'unknown place'} — temoin`;
  replaceChildren(document.getElementById('merged-summary'), summary(view));
  replaceChildren(document.getElementById('reports'), reportsTable(view));
  document.body.dataset.ready = '1';
}

start().catch((error) => showError(document.getElementById('merged-summary'), `Could not load: ${error.message}`));
