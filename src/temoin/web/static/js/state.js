// The page's state lives in its URL: filters, sort and page, so that a view can be shared.

export const VIEW_KEYS = ['sort', 'order', 'offset'];

// Commas, slashes and colons may stay as they are in a query string: shared URLs read better.
function readable(params) {
  return String(params).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

export class UrlState {
  constructor(filterKeys) {
    this.filterKeys = filterKeys;
    this.values = this.read();
  }

  read() {
    const params = new URLSearchParams(location.search);
    const values = {};
    for (const key of [...this.filterKeys, ...VIEW_KEYS]) {
      const value = params.get(key);
      if (value) values[key] = value;
    }
    return values;
  }

  reload() {
    this.values = this.read();
  }

  get(key) {
    return this.values[key] ?? '';
  }

  // Set several keys ('' or null removes one); a filter change goes back to the first page.
  update(changes, {push = true} = {}) {
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || value === null || value === undefined) delete this.values[key];
      else this.values[key] = String(value);
    }
    if (Object.keys(changes).some((k) => this.filterKeys.includes(k))) delete this.values.offset;
    const query = readable(this.query([...this.filterKeys, ...VIEW_KEYS]));
    const url = query ? `${location.pathname}?${query}` : location.pathname;
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  // URLSearchParams of the given keys (by default the filters), for the API.
  query(keys = this.filterKeys, extra = {}) {
    const params = new URLSearchParams();
    for (const key of keys) if (this.values[key]) params.set(key, this.values[key]);
    for (const [key, value] of Object.entries(extra)) if (value !== '' && value != null) params.set(key, value);
    return params;
  }

  without(key) {
    return this.query(this.filterKeys.filter((k) => k !== key));
  }
}
