// The agent's inbox: offers as they arrive (pushed over the agent's event stream, polled when it is down), accept /
// reject; and "Your work", the tasks the agent holds as routing-service has them (GET /agents/me/tasks), to wrap up
// and complete whichever page, tab or login accepted them. Notices sent while the stream is down are lost: offers,
// tasks and presence are read again whenever it (re)connects.
import * as routing from './routing.js';
import { readPresence, showPresence } from './presence.js';
import { h, show, unavailable, when } from './dom.js';

const POLL_MILLIS = 2000;
const RECONNECT_MILLIS = 2000;
const RECONNECT_MAX_MILLIS = 60000;
let timer;
let stream;

export function inboxView(main, openCustomer) {
  const notes = h('div', { id: 'inbox-notes' });
  const offers = h('div', { id: 'offers' }, h('p', { class: 'muted' }, 'Waiting for offers…'));
  const work = h('div', { id: 'work' }, h('p', { class: 'muted' }, 'Loading your work…'));
  show(main, h('h2', {}, 'Inbox'), notes, offers, h('h2', {}, 'Your work'), work);
  const say = (message) => show(notes, message ? h('p', { class: 'unavailable', role: 'alert' }, message) : null);
  let reads = 0;
  let workShown;
  const refresh = async () => {
    const asked = ++reads;
    const [offerAnswer, taskAnswer] = await Promise.all([routing.myOffers(), routing.myTasks()]);
    if (asked !== reads) return; // a later read is under way and shows newer news
    renderOffers(offers, offerAnswer, openCustomer, say, refresh);
    // the same tasks are not drawn again: a disposition being typed survives the other events
    const tasks = JSON.stringify(taskAnswer);
    if (tasks !== workShown) {
      workShown = tasks;
      renderWork(work, taskAnswer, openCustomer, say, refresh);
    }
  };
  const poll = () => { clearInterval(timer); timer = setInterval(() => { readPresence(); refresh(); }, POLL_MILLIS); };
  stream?.abort();
  const own = new AbortController();
  stream = own;
  const current = () => stream === own && !own.signal.aborted;
  // While the stream is open every change arrives as an event: no polling. When it ends, poll and connect again:
  // soon after a stream that was open, less and less often while it cannot be opened.
  const listen = async (delay) => {
    let opened = false;
    await routing.agentEvents((name, data) => {
      if (name === 'ready') {
        opened = true;
        clearInterval(timer);
        readPresence();
      }
      if (name === 'presence') showPresence(data);
      refresh();
    }, own.signal);
    if (!current()) return;
    poll();
    const wait = opened ? RECONNECT_MILLIS : delay;
    setTimeout(() => { if (current()) listen(Math.min(wait * 2, RECONNECT_MAX_MILLIS)); }, wait);
  };
  poll();
  refresh();
  listen(RECONNECT_MILLIS);
}

export function stopInbox() {
  clearInterval(timer);
  stream?.abort();
}

function renderOffers(target, answer, openCustomer, say, changed) {
  if (!answer.ok) {
    show(target, unavailable('Offers', answer.reason));
    return;
  }
  const pending = answer.data?.items ?? [];
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
    action('accept', 'Accept', () => routing.accept(offer), say, changed), ' ',
    action('reject', 'Reject', () => routing.reject(offer), say, changed)))));
}

// an assigned task is wrapped up (routing ends the wrap-up after the queue's wrap-up time), one in wrap-up completed
function renderWork(target, answer, openCustomer, say, changed) {
  if (!answer.ok) {
    show(target, unavailable('Your work', answer.reason));
    return;
  }
  const tasks = answer.data?.items ?? [];
  if (tasks.length === 0) {
    show(target, h('p', { class: 'muted' }, 'Nothing accepted.'));
    return;
  }
  show(target, h('ul', { class: 'work' }, tasks.map((task) => {
    const wrappingUp = task.state === 'WRAP_UP';
    const disposition = h('input', { class: 'disposition', placeholder: 'disposition', 'aria-label': 'Disposition',
      value: task.disposition ?? 'resolved' });
    return h('li', { class: 'task', 'data-task': task.id, 'data-state': task.state },
      h('span', { class: 'channel' }, task.channel ?? 'TASK'), ' ', h('strong', {}, task.subject ?? 'Task'),
      h('span', { class: 'muted' }, wrappingUp ? ` in wrap-up until ${when(task.wrapUpUntil)}` : ` assigned ${when(task.assignedAt)}`), ' ',
      task.customerId ? h('a', { href: `#/customers/${task.customerId}`, onclick: () => openCustomer(task.customerId) }, 'open customer') : null, ' ',
      disposition, ' ',
      wrappingUp
        ? action('complete', 'Complete', () => routing.complete(task, disposition.value), say, changed)
        : action('wrap-up', 'Wrap up', () => routing.wrapUp(task, disposition.value), say, changed));
  })));
}

function action(name, label, call, say, changed) {
  return h('button', { class: name, onclick: async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    const result = await call();
    button.disabled = result.ok;
    say(result.ok ? null : `${label} failed: ${result.reason}`);
    changed();
  } }, label);
}
