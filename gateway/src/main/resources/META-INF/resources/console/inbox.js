// The agent's inbox: offers as they arrive (pushed over the agent's event stream, polled when it is down), accept / reject, then wrap-up; and the presence switch.
import * as routing from './routing.js';
import { h, show, unavailable, when } from './dom.js';

const POLL_MILLIS = 2000;
const accepted = new Map();
let timer;
let stream;

export function inboxView(main, openCustomer) {
  const offers = h('div', { id: 'offers' }, h('p', { class: 'muted' }, 'Waiting for offers…'));
  const work = h('div', { id: 'work' });
  show(main, h('h2', {}, 'Inbox'), offers, h('h2', {}, 'Your work'), work);
  const refresh = async () => {
    const answer = await routing.myOffers();
    renderOffers(offers, answer, openCustomer, () => { renderWork(work, openCustomer); refresh(); });
    renderWork(work, openCustomer);
  };
  const poll = () => { clearInterval(timer); timer = setInterval(refresh, POLL_MILLIS); };
  stream?.abort();
  const own = new AbortController();
  stream = own;
  poll();
  refresh();
  // While the stream is open every change arrives as an event: no polling. When it ends, poll again.
  routing.agentEvents((name) => {
    if (name === 'ready') clearInterval(timer);
    refresh();
  }, own.signal).then(() => { if (stream === own && !own.signal.aborted) poll(); });
}

export function stopInbox() {
  clearInterval(timer);
  stream?.abort();
}

function renderOffers(target, answer, openCustomer, changed) {
  if (!answer.ok) {
    show(target, unavailable('Offers', answer.reason));
    return;
  }
  const pending = (answer.data.items ?? []).filter((offer) => !accepted.has(offer.offerId));
  const badge = document.getElementById('offer-count');
  badge.hidden = pending.length === 0;
  badge.textContent = pending.length;
  if (pending.length === 0) {
    show(target, h('p', { class: 'muted' }, 'No offers right now.'));
    return;
  }
  show(target, h('ul', { class: 'offers' }, pending.map((offer) => h('li', { class: 'offer', 'data-offer': offer.offerId },
    h('span', { class: 'channel' }, offer.channel ?? 'TASK'), ' ', h('strong', {}, offer.subject ?? 'New contact'),
    h('span', { class: 'muted' }, ` offered ${when(offer.offeredAt)}, expires ${when(offer.expiresAt)}`), ' ',
    offer.customerId ? h('a', { href: `#/customers/${offer.customerId}`, onclick: () => openCustomer(offer.customerId) }, 'customer') : null, ' ',
    h('button', { class: 'accept', onclick: async (event) => {
      event.target.disabled = true;
      const result = await routing.accept(offer);
      if (result.ok) accepted.set(offer.offerId, offer);
      else alertIn(target, `Accept failed: ${result.reason}`);
      changed();
    } }, 'Accept'), ' ',
    h('button', { class: 'reject', onclick: async (event) => {
      event.target.disabled = true;
      const result = await routing.reject(offer);
      if (!result.ok) alertIn(target, `Reject failed: ${result.reason}`);
      changed();
    } }, 'Reject')))));
}

function renderWork(target, openCustomer) {
  if (accepted.size === 0) {
    show(target, h('p', { class: 'muted' }, 'Nothing accepted.'));
    return;
  }
  show(target, h('ul', { class: 'work' }, [...accepted.values()].map((offer) => {
    const disposition = h('input', { class: 'disposition', placeholder: 'disposition', value: 'resolved' });
    return h('li', { class: 'task', 'data-task': offer.taskId },
      h('strong', {}, offer.subject ?? 'Task'), ' ',
      offer.customerId ? h('a', { href: `#/customers/${offer.customerId}`, onclick: () => openCustomer(offer.customerId) }, 'open customer') : null, ' ',
      disposition,
      h('button', { class: 'wrap-up', onclick: async () => {
        const result = await routing.wrapUp(offer, disposition.value);
        if (result.ok) accepted.delete(offer.offerId);
        else alertIn(target, `Wrap-up failed: ${result.reason}`);
        renderWork(target, openCustomer);
      } }, 'Wrap up'));
  })));
}

function alertIn(target, message) {
  target.prepend(h('p', { class: 'unavailable', role: 'alert' }, message));
}

export async function presenceSwitch(select) {
  select.addEventListener('change', async () => {
    const result = await routing.setPresence(select.value);
    select.classList.toggle('failed', !result.ok);
    select.title = result.ok ? '' : `Presence not changed: ${result.reason}`;
  });
}
