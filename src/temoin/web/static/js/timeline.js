// Events per day, stacked by type, as an SVG built node by node. A click on a day filters on it.

import {TYPES, typeColor} from './colors.js';
import {el, replaceChildren, svg} from './dom.js';

const HEIGHT = 150;
const PAD = {left: 34, right: 10, top: 10, bottom: 24};
const DAY = 86400000;
const TICK_GAP = 90; // pixels between two date labels

function daysBetween(first, last) {
  const days = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function stacks(rows) {
  const byDay = new Map();
  for (const row of rows) {
    if (!byDay.has(row.date)) byDay.set(row.date, new Map());
    byDay.get(row.date).set(row.event_type, row.count);
  }
  return byDay;
}

function order(types) {
  const known = TYPES.map(([t]) => t);
  return [...known.filter((t) => types.has(t)), ...[...types].filter((t) => !known.includes(t)).sort()];
}

export class Timeline {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.rows = [];
    this.range = {};
    new ResizeObserver(() => this.draw()).observe(container);
  }

  show(rows, range) {
    this.rows = rows;
    this.range = range;
    this.draw();
  }

  draw() {
    const width = Math.max(300, this.container.clientWidth);
    if (!this.rows.length) {
      replaceChildren(this.container, el('p', {class: 'muted empty'}, 'No dated event in the selection.'));
      return;
    }
    const byDay = stacks(this.rows);
    const days = daysBetween(this.rows[0].date, this.rows[this.rows.length - 1].date);
    const types = order(new Set(this.rows.map((r) => r.event_type)));
    const max = Math.max(...[...byDay.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
    const plot = {w: width - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom};
    const step = plot.w / days.length;
    const y = (n) => PAD.top + plot.h - (n / max) * plot.h;
    const chart = svg('svg', {width, height: HEIGHT, class: 'timeline-chart', role: 'img',
      'aria-label': `Events per day, ${days[0]} to ${days[days.length - 1]}`});
    chart.append(...this.axes(days, max, step, y));
    days.forEach((day, i) => {
      if (byDay.has(day)) chart.append(this.bar(day, byDay.get(day), types, PAD.left + i * step, step, y));
    });
    replaceChildren(this.container, chart);
  }

  bar(day, counts, types, x, step, y) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const inRange = (!this.range.since || day >= this.range.since) && (!this.range.until || day <= this.range.until);
    const group = svg('g', {class: `day${inRange ? '' : ' out'}`, 'data-date': day, tabindex: 0, role: 'button',
      onclick: (e) => this.onPick(day, e.shiftKey), onkeydown: (e) => e.key === 'Enter' && this.onPick(day, false)});
    const parts = [`${day}: ${total} event(s)`];
    let below = 0;
    for (const type of types) {
      const n = counts.get(type);
      if (!n) continue;
      group.append(svg('rect', {x: x + step * 0.1, width: Math.max(1, step * 0.8), y: y(below + n),
        height: y(below) - y(below + n), fill: typeColor(type)}));
      parts.push(`${type}: ${n}`);
      below += n;
    }
    group.append(svg('title', {}, parts.join('\n')));
    return group;
  }

  axes(days, max, step, y) {
    const base = PAD.top + (HEIGHT - PAD.top - PAD.bottom);
    const items = [
      svg('line', {x1: PAD.left, x2: PAD.left + step * days.length, y1: base, y2: base, class: 'axis'}),
      svg('text', {x: PAD.left - 6, y: y(max) + 4, class: 'tick', 'text-anchor': 'end'}, String(max)),
      svg('text', {x: PAD.left - 6, y: base, class: 'tick', 'text-anchor': 'end'}, '0'),
    ];
    const right = PAD.left + step * days.length;
    let previous = -Infinity;
    days.forEach((day, i) => {
      const x = PAD.left + (i + 0.5) * step;
      if (x - previous >= TICK_GAP && x + TICK_GAP / 2.5 <= right + PAD.right) {
        items.push(svg('text', {x, y: base + 16, class: 'tick', 'text-anchor': 'middle'}, day));
        previous = x;
      }
    });
    return items;
  }
}
