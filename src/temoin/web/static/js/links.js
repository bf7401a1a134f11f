// Links between the two pages: the article view keeps the events page's filters to go back to.

export function eventLink(articleId, index) {
  const params = new URLSearchParams({id: articleId});
  if (index != null) params.set('event', String(index));
  if (location.pathname === '/' && location.search) params.set('from', location.search.slice(1));
  return `/article?${params}`;
}

export function backLink(from) {
  return from ? `/?${new URLSearchParams(from)}` : '/';
}
