// Links between the pages: the article and merged views keep the events page's filters to go back to.

// The events page's query, to come back to it: the current one on the events page, else the one kept in `from`.
function origin() {
  if (location.pathname === '/') return location.search.slice(1);
  return new URLSearchParams(location.search).get('from') ?? '';
}

export function eventLink(articleId, index) {
  const params = new URLSearchParams({id: articleId});
  if (index != null) params.set('event', String(index));
  if (origin()) params.set('from', origin());
  return `/article?${params}`;
}

// The merged event an event belongs to: every outlet's report of it, side by side.
export function mergedLink(articleId, index) {
  const params = new URLSearchParams({article: articleId, event: String(index)});
  if (origin()) params.set('from', origin());
  return `/merged?${params}`;
}

export function backLink(from) {
  return from ? `/?${new URLSearchParams(from)}` : '/';
}

// "told by 3 outlets", "3 reports from 2 outlets": null when the event is told once.
export function toldBy(count) {
  if (!count || count.reports < 2) return null;
  const outlets = `${count.outlets} outlet${count.outlets === 1 ? '' : 's'}`;
  return count.reports === count.outlets ? `told by ${outlets}` : `${count.reports} reports from ${outlets}`;
}
