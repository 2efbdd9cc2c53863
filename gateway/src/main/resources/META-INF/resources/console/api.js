// Calls to Panorama through this gateway. A failed call resolves to { ok: false, reason } instead of
// throwing, so a view can say "not available" for one service and go on with the others.
import { accessToken } from './auth.js';

export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = await accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, reason: 'not reachable' };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return { ok: true, status: response.status, data };
  return { ok: false, status: response.status, reason: reasonFor(response.status, data) };
}

function reasonFor(status, problem) {
  if (status === 404) return 'not found';
  if (status === 401) return 'your session has ended: log in again';
  if (status === 403) return 'not allowed for your role';
  if (status === 429) return 'too many requests: wait a moment';
  if (status >= 502) return 'not available right now';
  return problem?.detail || `failed (${status})`;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
