// The sortable, paginated table of the selected events.

import {typeClass} from './colors.js';
import {el, replaceChildren} from './dom.js';
import {eventLink, mergedLink, toldBy} from './links.js';

export const PAGE = 50;

const actor = (a) => a?.name ?? '';
const COLUMNS = [
  {key: 'date', label: 'Date', nowrap: true, value: (r) => r.event.event_date ?? ''},
  {key: 'type', label: 'Event', value: (r) => [el('span', {class: `swatch ${typeClass(r.event.event_type)}`}),
    r.event.sub_event_type, el('div', {class: 'muted'}, r.event.event_type)]},
  {key: 'actor', label: 'Actors', value: (r) => [actor(r.event.actor1),
    r.event.actor2 ? [el('span', {class: 'muted'}, ' vs '), actor(r.event.actor2)] : null]},
  {key: 'location', label: 'Location', value: (r) => r.event.location
    ? [r.event.location.name, el('span', {class: 'muted'}, ` ${r.event.location.country}`)] : ''},
  {key: 'fatalities', label: 'Dead', numeric: true, value: (r) => r.event.fatalities ?? ''},
  {key: 'certainty', label: 'Certainty', value: (r) => r.event.certainty},
  {label: 'Sources', value: (r) => r.event.sources.join('; ')},
  {key: 'outlet', label: 'Outlet', value: (r) => r.outlet},
  // Filled in after the page by /api/merged/counts (a link when other articles tell the same event).
  {label: 'Told by', nowrap: true,
    value: (r) => el('span', {class: 'told muted', 'data-told': `${r.index}:${r.article_id}`}, '…')},
  {label: 'Article', value: (r) => el('a', {href: eventLink(r.article_id, r.index), class: 'read'},
    r.title || r.article_id)},
];

export class EventTable {
  constructor(container, state, {onSort, onPage, onSelect}) {
    this.container = container;
    this.state = state;
    this.handlers = {onSort, onPage, onSelect};
  }

  header() {
    const sort = this.state.get('sort') || 'date';
    const order = this.state.get('order') || 'asc';
    return el('thead', {}, el('tr', {}, COLUMNS.map((c) => {
      if (!c.key) return el('th', {scope: 'col'}, c.label);
      const active = c.key === sort;
      const next = active && order === 'asc' ? 'desc' : active ? 'asc' : c.numeric ? 'desc' : 'asc';
      return el('th', {scope: 'col', 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : null},
        el('button', {type: 'button', class: 'sort', 'data-sort': c.key,
          onclick: () => this.handlers.onSort(c.key, next)}, c.label, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''));
    })));
  }

  row(r) {
    return el('tr', {'data-article': r.article_id, 'data-index': r.index,
      onclick: (e) => e.target.closest('a') || this.handlers.onSelect(r.article_id, r.index)},
    COLUMNS.map((c) => el('td', {class: c.numeric ? 'num' : c.nowrap ? 'nowrap' : null}, c.value(r))));
  }

  pager(page) {
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.rows.length;
    return el('div', {class: 'pager'},
      el('span', {id: 'table-count'}, `${first}–${last} of ${page.total} event(s)`),
      el('button', {type: 'button', disabled: page.offset === 0, onclick: () =>
        this.handlers.onPage(Math.max(0, page.offset - PAGE))}, '‹ Previous'),
      el('button', {type: 'button', disabled: last >= page.total, onclick: () =>
        this.handlers.onPage(page.offset + PAGE)}, 'Next ›'));
  }

  // counts: the rows of /api/merged/counts for the rows shown.
  showCounts(counts) {
    const cells = new Map([...this.container.querySelectorAll('.told')].map((c) => [c.dataset.told, c]));
    for (const count of counts) {
      const cell = cells.get(`${count.index}:${count.article_id}`);
      if (!cell) continue;
      const text = toldBy(count);
      cell.classList.toggle('muted', !text);
      // Under the "Told by" heading: "3 outlets", "3 reports from 2 outlets"; a dash when told once.
      replaceChildren(cell, text ? el('a', {href: mergedLink(count.article_id, count.index), class: 'merged-link',
        title: 'Every report of this event, side by side'}, text.replace(/^told by /, '')) : '—');
    }
  }

  show(page) {
    const body = page.rows.length
      ? el('tbody', {}, page.rows.map((r) => this.row(r)))
      : el('tbody', {}, el('tr', {}, el('td', {colspan: COLUMNS.length, class: 'muted'}, 'No event matches.')));
    replaceChildren(this.container, this.pager(page),
      el('div', {class: 'scroll'}, el('table', {id: 'events'}, this.header(), body)));
  }
}
