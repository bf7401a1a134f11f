// The events page: filters, map, timeline, table and downloads, all driven by the URL.

import {filterNames, getJSON} from './api.js';
import {el, replaceChildren, showError} from './dom.js';
import {FilterForm} from './filters.js';
import {EventMap} from './map.js';
import {UrlState} from './state.js';
import {EventTable, PAGE} from './table.js';
import {Timeline} from './timeline.js';

const FORMATS = {'acled-csv': 'dl-acled-csv', geojson: 'dl-geojson', jsonl: 'dl-jsonl'};

class EventsPage {
  constructor(config, facets, state) {
    this.config = config;
    this.state = state;
    this.generation = 0;
    this.form = new FilterForm(document.getElementById('filters'), facets, state, () => this.refresh());
    this.form.onExtent = (on) => this.extentFilter(on);
    this.map = this.createMap(config);
    this.timeline = new Timeline(document.getElementById('timeline'), (day, extend) => this.pickDay(day, extend));
    this.table = new EventTable(document.getElementById('table'), state, {
      onSort: (sort, order) => this.view({sort, order, offset: ''}),
      onPage: (offset) => this.view({offset: offset || ''}),
      onSelect: (articleId, index) => this.map?.focus(articleId, index),
    });
    window.addEventListener('popstate', () => {
      state.reload();
      this.form.sync();
      this.refresh();
    });
  }

  createMap(config) {
    const container = document.getElementById('map');
    if (typeof L === 'undefined' || typeof L.markerClusterGroup !== 'function' || typeof topojson === 'undefined') {
      showError(container, 'The map is not available: its files were not built (scripts/build-web-assets.sh).');
      return null;
    }
    const map = new EventMap(container, config, (articleId, index) => this.highlightRow(articleId, index));
    if (this.state.get('bbox')) map.showExtent(this.state.get('bbox'));
    map.onMove(() => this.form.extent.checked && this.extentFilter(true, {push: false}));
    return map;
  }

  extentFilter(on, {push = true} = {}) {
    const bbox = on && this.map ? this.map.extent() : '';
    if (bbox === this.state.get('bbox')) return;
    this.state.update({bbox}, {push});
    this.refresh({points: false});
  }

  pickDay(day, extend) {
    const since = this.state.get('since');
    if (extend && since) this.state.update(day < since ? {since: day} : {until: day});
    else if (since === day && this.state.get('until') === day) this.state.update({since: '', until: ''});
    else this.state.update({since: day, until: day});
    this.form.sync();
    this.refresh();
  }

  view(changes) {
    this.state.update(changes);
    this.updateDownloads();
    this.loadTable(this.generation);
  }

  highlightRow(articleId, index) {
    for (const row of document.querySelectorAll('#events tbody tr.selected')) row.classList.remove('selected');
    const row = document.querySelector(`#events tbody tr[data-article="${CSS.escape(articleId)}"][data-index="${index}"]`);
    row?.classList.add('selected');
    row?.scrollIntoView({block: 'nearest'});
  }

  async refresh({points = true} = {}) {
    const generation = ++this.generation;
    this.updateDownloads();
    const jobs = [this.loadTable(generation), this.loadTimeline(generation)];
    if (points && this.map) jobs.push(this.loadPoints(generation));
    await Promise.all(jobs);
    if (generation === this.generation) document.body.dataset.ready = String(generation);
  }

  async guarded(generation, container, job) {
    try {
      await job();
    } catch (error) {
      if (generation === this.generation && container) showError(container, `Could not load: ${error.message}`);
    }
  }

  loadTable(generation) {
    const table = document.getElementById('table');
    return this.guarded(generation, table, async () => {
      const params = this.state.query(undefined, {sort: this.state.get('sort'), order: this.state.get('order'),
        offset: this.state.get('offset'), limit: PAGE});
      const page = await getJSON('/api/events', params);
      if (generation !== this.generation) return;
      this.table.show(page);
      replaceChildren(document.getElementById('summary'), `${page.total} event(s) selected`);
      if (page.rows.length) await this.loadCounts(generation, params);
    });
  }

  // How many outlets tell each event of the page: after the page, so that it never holds the table back.
  async loadCounts(generation, params) {
    try {
      const counts = await getJSON('/api/merged/counts', params);
      if (generation === this.generation) this.table.showCounts(counts.rows);
    } catch (error) {
      if (generation === this.generation) this.table.showCounts([]);
    }
  }

  loadTimeline(generation) {
    return this.guarded(generation, document.getElementById('timeline'), async () => {
      const data = await getJSON('/api/timeline', this.state.query());
      if (generation === this.generation) {
        this.timeline.show(data.days, {since: this.state.get('since'), until: this.state.get('until')});
      }
    });
  }

  loadPoints(generation) {
    return this.guarded(generation, null, async () => {
      // The map shows the selection without the extent filter, so that it can be moved about.
      const data = await getJSON('/api/points', this.state.without('bbox'));
      if (generation !== this.generation) return;
      this.map.show(data.points, {fit: !this.map.fitted});
      this.map.fitted = true;
      document.getElementById('map').dataset.points = String(data.points.length);
    });
  }

  updateDownloads() {
    for (const [format, id] of Object.entries(FORMATS)) {
      const params = this.state.query(undefined, {format, sort: this.state.get('sort'),
        order: this.state.get('order')});
      document.getElementById(id).setAttribute('href', `/api/export?${params}`);
    }
  }
}

async function start() {
  const names = await filterNames();
  const [config, facets] = await Promise.all([getJSON('/api/config'), getJSON('/api/facets')]);
  replaceChildren(document.getElementById('database'),
    el('span', {}, config.database), config.read_only ? el('span', {class: 'badge'}, 'read-only') : null);
  const page = new EventsPage(config, facets, new UrlState(names));
  await page.refresh();
}

start().catch((error) => showError(document.querySelector('main'), `temoin could not start: ${error.message}`));
