// The presence switch shows the agent's presence as routing-service has it, never a guess: read whenever the agent's
// event stream (events.js) (re)connects and polled while it is down, and pushed by the stream's presence events (AWAY
// after missed offers, WRAP_UP during a wrap-up). WRAP_UP is shown but cannot be chosen: routing refuses it by hand.
import * as routing from './routing.js';

let select;
let shown; // the presence routing-service told last: the switch goes back to it when a change is refused
let told = 0; // counts what routing told: a read answered after newer news is dropped

export function presenceSwitch(element) {
  select = element;
  select.selectedIndex = -1; // nothing until routing answers
  select.addEventListener('change', async () => {
    const chosen = select.value;
    told += 1; // a read answered meanwhile was asked before the choice
    const result = await routing.setPresence(chosen);
    if (result.ok) {
      showPresence(result.data?.presence ? result.data : { presence: chosen });
      return;
    }
    if (shown) select.value = shown;
    failed(`Presence not changed: ${result.reason}`);
  });
}

/** Reads the agent's presence from routing-service and shows it (nothing to do for a user who is no agent). */
export async function readPresence() {
  if (!select) return;
  const asked = told;
  const answer = await routing.me();
  if (asked !== told) return;
  // routing answers 404 to an agent it does not know yet (no presence ever set): nothing is routed to it, it is offline
  if (answer.ok || answer.status === 404) {
    showPresence(answer.ok ? answer.data : { presence: 'OFFLINE' });
    return;
  }
  if (!shown) select.selectedIndex = -1;
  failed(`Presence not known: ${answer.reason}`);
}

/** Shows the presence of the agent as routing-service describes it (GET /agents/me, a presence event). */
export function showPresence(agent) {
  if (!select || !agent?.presence) return;
  told += 1;
  shown = agent.presence;
  select.value = shown;
  select.classList.remove('failed');
  select.title = '';
}

function failed(message) {
  select.classList.add('failed');
  select.title = message;
}
