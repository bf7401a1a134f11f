// The filter form: one control per API filter, its value kept in the URL.

import {debounce, el, replaceChildren} from './dom.js';

function options(select, values, current, blank) {
  const items = values.map((v) => (typeof v === 'string' ? {value: v, text: v} : v));
  if (current && !items.some((item) => item.value === current)) items.push({value: current, text: current});
  replaceChildren(select, el('option', {value: ''}, blank),
    items.map((item) => el('option', {value: item.value, selected: item.value === current}, item.text)));
}

function field(id, text, control) {
  return el('div', {class: 'field'}, el('label', {for: id}, text), control);
}

export class FilterForm {
  constructor(form, facets, state, onChange) {
    this.form = form;
    this.facets = facets;
    this.state = state;
    this.onChange = onChange;
    this.controls = {};
    this.build();
    this.sync();
  }

  select(name, text) {
    const control = el('select', {id: `f-${name}`, name, onchange: () => this.changed(name, control.value)});
    this.controls[name] = control;
    return field(control.id, text, control);
  }

  input(name, text, type) {
    const control = el('input', {id: `f-${name}`, name, type, autocomplete: 'off'});
    const send = () => this.changed(name, control.value.trim());
    control.addEventListener('change', send);
    if (type === 'search') control.addEventListener('input', debounce(send, 400));
    this.controls[name] = control;
    return field(control.id, text, control);
  }

  build() {
    const extent = el('input', {id: 'f-extent', type: 'checkbox'});
    extent.addEventListener('change', () => this.onExtent?.(extent.checked));
    this.extent = extent;
    replaceChildren(this.form,
      el('h2', {}, 'Filters'),
      this.select('type', 'Event type'),
      this.select('subtype', 'Sub-event type'),
      this.input('actor', 'Actor', 'search'),
      this.select('country', 'Country'),
      el('div', {class: 'dates'}, this.input('since', 'From', 'date'), this.input('until', 'To', 'date')),
      this.select('certainty', 'Certainty'),
      this.select('source', 'Source'),
      this.select('outlet', 'Outlet'),
      el('div', {class: 'field check'}, extent, el('label', {for: 'f-extent'}, 'Only events in the map extent')),
      el('p', {}, el('a', {href: '/', id: 'f-reset', class: 'reset'}, 'Clear all filters')));
    this.form.addEventListener('submit', (event) => event.preventDefault());
  }

  changed(name, value) {
    const changes = {[name]: value};
    if (name === 'type') changes.subtype = '';
    this.state.update(changes);
    this.sync();
    this.onChange();
  }

  // Put the URL's values into the controls (on load and on back/forward).
  sync() {
    const f = this.facets;
    const s = (key) => this.state.get(key);
    options(this.controls.type, Object.keys(f.event_types), s('type'), 'All types');
    const subs = s('type') ? f.event_types[s('type')] ?? [] : Object.values(f.event_types).flat();
    options(this.controls.subtype, [...new Set(subs)].sort(), s('subtype'), 'All sub-types');
    options(this.controls.country, f.countries.map((c) => ({value: c.code, text: `${c.name} (${c.code})`})),
      s('country'), 'All countries');
    options(this.controls.certainty, f.certainties, s('certainty'), 'Any certainty');
    options(this.controls.source, f.sources, s('source'), 'Any source');
    options(this.controls.outlet, f.outlets, s('outlet'), 'Any outlet');
    for (const name of ['actor', 'since', 'until']) {
      if (document.activeElement !== this.controls[name]) this.controls[name].value = s(name);
    }
    this.controls.since.min = this.controls.until.min = f.first_date ?? '';
    this.controls.since.max = this.controls.until.max = f.last_date ?? '';
    this.extent.checked = Boolean(s('bbox'));
  }
}
