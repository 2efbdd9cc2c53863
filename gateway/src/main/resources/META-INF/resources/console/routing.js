// The routing-service API the inbox, the presence switch and the queue view use (README "routing-service";
// routing-service's MyAgentResource, OffersResource, TasksResource and AgentEventsResource).
import { get, post, put } from './api.js';
import { accessToken } from './auth.js';

// the caller as an agent ({presence, ...}); 404 while routing does not know the caller as an agent yet
export const me = () => get('/api/v1/routing/agents/me');
export const myOffers = () => get('/api/v1/routing/agents/me/offers');
// the tasks the caller holds, ASSIGNED or in WRAP_UP ({items: [{id, state, subject, customerId, ...}]})
export const myTasks = () => get('/api/v1/routing/agents/me/tasks');
export const accept = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/acceptance`);
export const reject = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/rejection`);
export const wrapUp = (task, disposition) =>
  post(`/api/v1/routing/tasks/${encodeURIComponent(task.id)}/wrap-up`, { disposition });
// an assigned task completed at once, or a wrap-up ended before its time
export const complete = (task, disposition) =>
  post(`/api/v1/routing/tasks/${encodeURIComponent(task.id)}/completion`, { disposition });
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
