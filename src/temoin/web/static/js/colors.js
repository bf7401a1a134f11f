// One colour per ACLED event type, shared by the map, the timeline, the table and the legend.

export const TYPES = [
  ['Battles', '#d62728'],
  ['Explosions/Remote violence', '#ff7f0e'],
  ['Violence against civilians', '#9467bd'],
  ['Protests', '#2ca02c'],
  ['Riots', '#8c564b'],
  ['Strategic developments', '#1f77b4'],
];
const BY_TYPE = new Map(TYPES);
export const OTHER = '#7f7f7f';

export function typeColor(type) {
  return BY_TYPE.get(type) ?? OTHER;
}

// A CSS class for a type: t-battles, t-explosions-remote-violence...
export function typeClass(type) {
  return BY_TYPE.has(type) ? 't-' + type.toLowerCase().replace(/[^a-z]+/g, '-') : 't-other';
}

// Marker radius in pixels: grows with the square root of the toll.
export function radiusFor(fatalities) {
  return 5 + 2.2 * Math.sqrt(Math.max(0, fatalities ?? 0));
}
