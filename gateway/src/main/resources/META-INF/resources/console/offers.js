// The agent's open offers for the whole session, whatever view is shown: read again on every event of the agent's
// stream, counted on the Inbox tab, drawn by the inbox while it is shown and announced in a notice while it is not,
// so that an agent reading a customer's profile or searching goes and accepts a new offer before it expires.
import * as routing from './routing.js';
import { onAgentEvent } from './events.js';
import { h, show } from './dom.js';

let reads = 0;
let last; // routing's answer to the latest read
let draw; // the inbox's, while it is shown
const seen = new Set(); // open offers the inbox has shown: not announced

export function watchOffers() {
  onAgentEvent(readOffers);
  readOffers();
}

/** While the inbox is shown it draws every answer (drawer(answer)) and nothing is announced; returns how to stop. */
export function drawOffers(drawer) {
  draw = drawer;
  if (last) shown(last);
  readOffers();
  return () => {
    if (draw === drawer) draw = undefined;
  };
}

/** Reads the open offers again; an answer to a read asked before a later one is dropped. */
export async function readOffers() {
  const asked = ++reads;
  const answer = await routing.myOffers();
  if (asked !== reads) return;
  last = answer;
  shown(answer);
}

function shown(answer) {
  draw?.(answer);
  if (!answer.ok) return; // count and notice stay as last known
  const open = answer.data?.items ?? [];
  const ids = new Set(open.map((offer) => offer.offerId));
  seen.forEach((id) => { if (!ids.has(id)) seen.delete(id); });
  if (draw) ids.forEach((id) => seen.add(id));
  count(open.length);
  announce(open.filter((offer) => !seen.has(offer.offerId)));
}

function count(open) {
  const badge = document.getElementById('offer-count');
  badge.hidden = open === 0;
  badge.textContent = open;
}

function announce(unseen) {
  const notice = document.getElementById('offer-notice');
  notice.hidden = unseen.length === 0;
  show(notice, unseen.length === 0 ? null : [
    h('strong', {}, unseen.length === 1 ? 'New offer' : `${unseen.length} new offers`), ': ',
    unseen.map((offer) => offer.subject ?? 'New contact').join(', '), ' ',
    h('a', { href: '#/inbox' }, 'Go to the inbox to accept'),
  ]);
}
