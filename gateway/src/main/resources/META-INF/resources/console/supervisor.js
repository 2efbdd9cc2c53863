// Real-time queue statistics for supervisors, polled.
import { queueStatistics } from './routing.js';
import { h, show, unavailable } from './dom.js';

let timer;

export function supervisorView(main) {
  const table = h('div', { id: 'queues' }, h('p', { class: 'muted' }, 'Loading queues…'));
  show(main, h('h2', {}, 'Queues'), table);
  const refresh = async () => {
    const answer = await queueStatistics();
    if (!answer.ok) {
      show(table, unavailable('Queue statistics', answer.reason));
      return;
    }
    show(table, h('table', { class: 'queues' },
      h('tr', {}, ['Queue', 'Waiting', 'Oldest wait (s)', 'Offered', 'In progress', 'Agents available', 'Completed today']
        .map((title) => h('th', {}, title))),
      (answer.data.items ?? []).map((q) => h('tr', {}, [q.queue, q.waiting, q.oldestWaitSeconds, q.offered, q.inProgress,
        q.agentsAvailable, q.completedToday].map((value) => h('td', {}, value ?? '–'))))));
  };
  clearInterval(timer);
  timer = setInterval(refresh, 5000);
  refresh();
}

export function stopSupervisor() {
  clearInterval(timer);
}
