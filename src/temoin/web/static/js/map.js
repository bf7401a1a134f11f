// The map: an offline basemap of Natural Earth country outlines (bundled), online tiles as an option,
// clustered circle markers coloured by event type and sized by toll.

import {TYPES, radiusFor, typeClass, typeColor} from './colors.js';
import {el} from './dom.js';
import {getJSON} from './api.js';
import {eventLink, mergedLink, toldBy} from './links.js';

const COUNTRIES = '/static/vendor/countries-50m.json';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function basemaps(config) {
  const countries = L.geoJSON(null, {
    interactive: false,
    style: {color: '#9aa0a6', weight: 0.7, fillColor: '#f4f1e8', fillOpacity: 1},
    attribution: 'Natural Earth',
  });
  fetch(COUNTRIES)
    .then((r) => r.json())
    .then((topo) => countries.addData(topojson.feature(topo, topo.objects.countries)))
    .catch(() => {});
  const layers = {'Countries (offline)': countries};
  if (config.tiles) {
    // Leaflet treats attributions as HTML: the operator's text is escaped.
    layers['Tiles (online)'] = L.tileLayer(config.tiles,
      {maxZoom: 18, attribution: escapeHtml(config.tiles_attribution || '')});
  }
  return layers;
}

function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    counts.set(marker.options.eventType, (counts.get(marker.options.eventType) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
  return L.divIcon({
    html: el('div', {}, el('span', {}, String(n))),
    className: `marker-cluster marker-cluster-${size} cluster-${typeClass(top)}`,
    iconSize: L.point(40, 40),
  });
}

function popup(point, marker) {
  const told = el('div', {class: 'told'});
  addToldBy(told, point, marker);
  return el('div', {class: 'popup'},
    el('strong', {}, point.sub_event_type),
    el('div', {class: 'muted'}, point.event_type),
    el('div', {}, `${point.event_date ?? 'undated'} · ${point.location}`),
    el('div', {}, point.fatalities == null ? 'toll unknown' : `${point.fatalities} dead`),
    told,
    el('a', {href: eventLink(point.article_id, point.index)}, 'Read the article'));
}

// "told by N outlets", a link to the reports side by side, once the counts of the event's article arrive.
async function addToldBy(container, point, marker) {
  try {
    const params = new URLSearchParams({article: point.article_id, limit: '100'});
    const {rows} = await getJSON('/api/merged/counts', params);
    const text = toldBy(rows.find((r) => r.index === point.index));
    if (!text) return;
    container.append(el('a', {href: mergedLink(point.article_id, point.index), class: 'merged-link'}, text));
    marker.getPopup()?.update();
  } catch {
    // the popup stays as it is
  }
}

function legend() {
  const control = L.control({position: 'bottomright'});
  control.onAdd = () => el('div', {class: 'legend'},
    TYPES.map(([type]) => el('div', {}, el('span', {class: `swatch ${typeClass(type)}`}), type)),
    el('div', {class: 'muted'}, 'size: fatalities'));
  return control;
}

export class EventMap {
  constructor(container, config, onSelect) {
    this.onSelect = onSelect;
    this.markers = new Map();
    this.map = L.map(container, {worldCopyJump: true, minZoom: 2, maxZoom: 14});
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.setView([12, 10], 3);
    const layers = basemaps(config);
    Object.values(layers)[0].addTo(this.map);
    if (Object.keys(layers).length > 1) L.control.layers(layers, {}, {collapsed: false}).addTo(this.map);
    legend().addTo(this.map);
    L.control.scale({imperial: false}).addTo(this.map);
    this.cluster = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: clusterIcon});
    this.map.addLayer(this.cluster);
    this.fitted = false;
  }

  marker(point) {
    const marker = L.circleMarker([point.latitude, point.longitude], {
      radius: radiusFor(point.fatalities), color: '#ffffff', weight: 1, fillColor: typeColor(point.event_type),
      fillOpacity: 0.85, className: `event-marker ${typeClass(point.event_type)}`, eventType: point.event_type,
    });
    let content = null; // built once, on first opening: its "told by" line arrives later, then update() redraws it
    marker.bindPopup(() => {
      content ??= popup(point, marker);
      return content;
    });
    marker.bindTooltip(() => el('span', {}, `${point.sub_event_type}, ${point.location}`));
    marker.on('click', () => this.onSelect?.(point.article_id, point.index));
    return marker;
  }

  show(points, {fit}) {
    this.cluster.clearLayers();
    this.markers.clear();
    const markers = points.map((p) => {
      const m = this.marker(p);
      this.markers.set(`${p.article_id}#${p.index}`, m);
      return m;
    });
    this.cluster.addLayers(markers);
    if (fit && markers.length) this.fit(L.latLngBounds(markers.map((m) => m.getLatLng())), {maxZoom: 7});
  }

  focus(articleId, index) {
    const marker = this.markers.get(`${articleId}#${index}`);
    if (!marker) return;
    const show = () => this.cluster.zoomToShowLayer(marker, () => marker.openPopup());
    // Leaflet.markercluster (1.5.3) animates its clusters for ~300 ms after every zoom, the page's own
    // fitBounds included. Called meanwhile, zoomToShowLayer may pan, get a moveend while still animating,
    // ignore it and never call back: the popup would not open. So wait for that animation to end.
    if (this.cluster._inZoomAnimation) this.cluster.once('animationend', () => this.focus(articleId, index));
    else show();
  }

  // The map's extent as west,south,east,north (clamped to the world), for the bbox filter.
  extent() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
    const west = b.getEast() - b.getWest() >= 360 ? -180 : L.Util.wrapNum(b.getWest(), [-180, 180], true);
    const east = b.getEast() - b.getWest() >= 360 ? 180 : L.Util.wrapNum(b.getEast(), [-180, 180], true);
    return [clamp(west, -180, 180), clamp(b.getSouth(), -90, 90), clamp(east, -180, 180),
      clamp(b.getNorth(), -90, 90)].join(',');
  }

  showExtent(bbox) {
    const [w, s, e, n] = bbox.split(',').map(Number);
    if ([w, s, e, n].every(Number.isFinite) && w <= e) this.fit(L.latLngBounds([[s, w], [n, e]]), {});
    this.fitted = true;
  }

  // Moves made by the page itself (not by the reader) do not change the extent filter:
  // without animation, Leaflet fires moveend before fitBounds returns.
  fit(bounds, options) {
    this.quiet = true;
    try {
      this.map.fitBounds(bounds, {padding: [30, 30], ...options, animate: false});
    } finally {
      this.quiet = false;
    }
  }

  onMove(callback) {
    this.map.on('moveend', () => this.quiet || callback());
  }
}
