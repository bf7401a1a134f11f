// The JSON API. The page takes the names of its filters from the API's OpenAPI description.

export async function getJSON(path, params) {
  const url = params && String(params) ? `${path}?${params}` : path;
  const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail);
    } catch {
      // keep the status text
    }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

// The query parameters of /api/points are exactly the filters every list endpoint takes.
export async function filterNames() {
  const spec = await getJSON('/api/openapi.json');
  const params = spec.paths['/api/points'].get.parameters ?? [];
  return params.filter((p) => p.in === 'query').map((p) => p.name);
}
