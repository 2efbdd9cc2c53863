// The agent's event stream, open for the whole session whatever view is shown: opened once after login, connected
// again when it ends (soon after a stream that was open, less and less often while it cannot be opened), and polled
// instead while it is down. Notices sent while it is down are lost: each (re)connect, like each poll, tells the
// listeners to read afresh. The presence switch follows the stream here.
import * as routing from './routing.js';
import { readPresence, showPresence } from './presence.js';

const POLL_MILLIS = 2000;
const RECONNECT_MILLIS = 2000;
const RECONNECT_MAX_MILLIS = 60000;
const listeners = new Set();
let timer;
let opened = false;

/** Calls listener(name, data) for each event ('ready' on every (re)connect) and listener('poll') while the stream is down. */
export function onAgentEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function openAgentEvents() {
  if (opened) return;
  opened = true;
  poll();
  listen(RECONNECT_MILLIS);
}

function tell(name, data) {
  listeners.forEach((listener) => listener(name, data));
}

function poll() {
  clearInterval(timer);
  timer = setInterval(() => { readPresence(); tell('poll'); }, POLL_MILLIS);
}

// While the stream is open every change arrives as an event: no polling.
async function listen(delay) {
  let connected = false;
  await routing.agentEvents((name, data) => {
    if (name === 'ready') {
      connected = true;
      clearInterval(timer);
      readPresence();
    }
    if (name === 'presence') showPresence(data);
    tell(name, data);
  });
  poll();
  const wait = connected ? RECONNECT_MILLIS : delay;
  setTimeout(() => listen(Math.min(wait * 2, RECONNECT_MAX_MILLIS)), wait);
}
