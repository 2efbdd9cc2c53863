// The routing-service API the inbox and the queue view use. routing-service had not published its
// endpoints when the console was written: these follow the design doc (offers, presence, queue
// statistics) and are the one place to adjust when its OpenAPI lands.
import { get, post, put } from './api.js';
import { accessToken } from './auth.js';

export const myOffers = () => get('/api/v1/routing/agents/me/offers');
export const accept = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/acceptance`);
export const reject = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/rejection`);
export const wrapUp = (offer, disposition) =>
  post(`/api/v1/routing/tasks/${encodeURIComponent(offer.taskId)}/wrap-up`, { disposition });
export const setPresence = (presence) => put('/api/v1/routing/agents/me/presence', { presence });
export const queueStatistics = () => get('/api/v1/routing/queues/statistics');

// The agent's event stream (server-sent events). EventSource cannot send a bearer token, so the stream is
// read with fetch. Calls onEvent(name, data) per event; resolves when the stream ends or cannot be opened,
// and the caller falls back to polling.
export async function agentEvents(onEvent, signal) {
  const token = await accessToken();
  let response;
  try {
    response = await fetch('/api/v1/routing/agents/me/events', { headers: { Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}) }, signal });
  } catch {
    return;
  }
  if (!response.ok || !response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // aborted or broken: the caller polls again
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trim());
  }
  if (data.length === 0 && name === 'message') return; // a heartbeat comment
  let parsed = null;
  try { parsed = data.length ? JSON.parse(data.join('\n')) : null; } catch { parsed = data.join('\n'); }
  onEvent(name, parsed);
}
