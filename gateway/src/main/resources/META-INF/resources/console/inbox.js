// The agent's inbox: the open offers (offers.js, read again on each event of the agent's stream) to accept / reject;
// and "Your work", the tasks the agent holds as routing-service has them (GET /agents/me/tasks), to wrap up and
// complete whichever page, tab or login accepted them, read again on each event too (events.js: on every (re)connect,
// and polled while the stream is down).
import * as routing from './routing.js';
import { onAgentEvent } from './events.js';
import { drawOffers, readOffers } from './offers.js';
import { h, show, unavailable, when } from './dom.js';

let leave = () => {};

export function inboxView(main, openCustomer) {
  const notes = h('div', { id: 'inbox-notes' });
  const offers = h('div', { id: 'offers' }, h('p', { class: 'muted' }, 'Waiting for offers…'));
  const work = h('div', { id: 'work' }, h('p', { class: 'muted' }, 'Loading your work…'));
  show(main, h('h2', {}, 'Inbox'), notes, offers, h('h2', {}, 'Your work'), work);
  const say = (message) => show(notes, message ? h('p', { class: 'unavailable', role: 'alert' }, message) : null);
  let reads = 0;
  let workShown;
  const readWork = async () => {
    const asked = ++reads;
    const answer = await routing.myTasks();
    if (asked !== reads) return; // a later read is under way and shows newer news
    // the same tasks are not drawn again: a disposition being typed survives the other events
    const tasks = JSON.stringify(answer);
    if (tasks !== workShown) {
      workShown = tasks;
      renderWork(work, answer, openCustomer, say, changed);
    }
  };
  const changed = () => { readOffers(); readWork(); };
  stopInbox();
  const stopDrawing = drawOffers((answer) => renderOffers(offers, answer, openCustomer, say, changed));
  const stopListening = onAgentEvent(readWork);
  leave = () => { stopDrawing(); stopListening(); };
  readWork();
}

export function stopInbox() {
  leave();
  leave = () => {};
}

function renderOffers(target, answer, openCustomer, say, changed) {
  if (!answer.ok) {
    show(target, unavailable('Offers', answer.reason));
    return;
  }
  const pending = answer.data?.items ?? [];
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
