// The agent console: log in, then customers (search, 360 view), inbox (offers, presence) and queues.
import * as auth from './auth.js';
import { h, show } from './dom.js';
import { searchView, customerView } from './customers.js';
import { openAgentEvents } from './events.js';
import { inboxView, stopInbox } from './inbox.js';
import { watchOffers } from './offers.js';
import { presenceSwitch } from './presence.js';
import { supervisorView, stopSupervisor } from './supervisor.js';

const main = document.getElementById('main');

function openCustomer(id) {
  location.hash = `#/customers/${id}`;
}

function route() {
  stopInbox();
  stopSupervisor();
  const [, area, id] = location.hash.split('/');
  document.querySelectorAll('#tabs a').forEach((tab) => tab.classList.toggle('active', tab.dataset.tab === (area || 'customers')));
  if (area === 'inbox') inboxView(main, openCustomer);
  else if (area === 'supervisor' && auth.hasRole('supervisor', 'admin')) supervisorView(main);
  else if (area === 'customers' && id) customerView(main, id);
  else searchView(main, openCustomer);
}

async function boot() {
  let session;
  try {
    session = await auth.start();
  } catch (error) {
    show(main, h('p', { class: 'unavailable' }, `Login failed: ${error.message}`));
  }
  const login = document.getElementById('login');
  login.addEventListener('click', () => auth.login());
  document.getElementById('logout').addEventListener('click', () => auth.logout());
  if (!session) {
    login.hidden = false;
    if (!main.querySelector('.unavailable')) show(main, h('p', {}, 'Log in to work with customers.'));
    return;
  }
  document.getElementById('who').textContent = session.username;
  document.getElementById('logout').hidden = false;
  document.getElementById('tabs').hidden = false;
  document.querySelectorAll('[data-role]').forEach((element) => { element.hidden = !auth.hasRole(element.dataset.role, 'admin'); });
  if (auth.hasRole('agent')) {
    document.getElementById('presence-box').hidden = false;
    presenceSwitch(document.getElementById('presence'));
  }
  if (auth.hasRole('agent', 'admin')) {
    // for the whole session: a new offer is counted and announced whatever view is shown
    watchOffers();
    openAgentEvents();
  }
  window.addEventListener('hashchange', route);
  route();
}

boot();
