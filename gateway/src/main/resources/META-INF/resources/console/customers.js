// Search a customer and the 360-degree view: identity (golden record), profile and insights, timeline.
import { get } from './api.js';
import { h, show, unavailable, when, section, facts } from './dom.js';

const SEARCH_TYPES = { email: 'Email', phone: 'Phone', name: 'Name' };
const CHANNELS = ['', 'EMAIL', 'PHONE', 'SMS', 'CHAT', 'WEB', 'SOCIAL', 'LETTER', 'FAX', 'VIDEO', 'IN_PERSON', 'OTHER'];

export function searchView(main, openCustomer) {
  const type = h('select', { id: 'search-type', 'aria-label': 'Search by' },
    Object.entries(SEARCH_TYPES).map(([value, label]) => h('option', { value }, label)));
  const value = h('input', { id: 'search-value', type: 'search', placeholder: 'email, phone or name', required: true });
  const results = h('div', { id: 'search-results' });
  const form = h('form', { class: 'search', onsubmit: (event) => { event.preventDefault(); search(type.value, value.value, results, openCustomer); } },
    type, value, h('button', { type: 'submit' }, 'Search'));
  show(main, h('h2', {}, 'Find a customer'), form, results);
  value.focus();
}

async function search(type, value, results, openCustomer) {
  show(results, h('p', { class: 'muted' }, 'Searching…'));
  const found = type === 'name' ? await byName(value.trim()) : await byContact(type, value.trim());
  if (!found.ok) {
    show(results, unavailable('Search', found.reason));
    return;
  }
  if (found.customers.length === 0) {
    show(results, h('p', { class: 'muted' }, 'No customer found.'));
    return;
  }
  show(results, h('ul', { class: 'results' }, found.customers.map(({ id, name, contact }) =>
    h('li', {}, h('a', { href: `#/customers/${id}`, class: 'customer-link', onclick: () => openCustomer(id) }, name),
      h('span', { class: 'muted' }, ` ${contact}`)))),
    found.more ? h('p', { class: 'muted', id: 'search-more' }, 'More customers match: add a word to narrow the search.') : null);
}

// names: profile-service's search (every word starts a part of the name, accents aside), one page of 20
async function byName(value) {
  const found = await get(`/api/v1/profiles?q=${encodeURIComponent(value)}&limit=20`);
  if (!found.ok) return found;
  return { ok: true, more: Boolean(found.data.nextCursor), customers: found.data.items.map((profile) => ({
    id: profile.customerId,
    name: profile.name || 'Unnamed customer',
    contact: [profile.emails?.[0], profile.phones?.[0]].filter(Boolean).join(' '),
  })) };
}

// an exact email or phone: identity-service's lookup, then each customer's golden record
async function byContact(type, value) {
  const found = await get(`/api/v1/identity/lookup?type=${encodeURIComponent(type)}&value=${encodeURIComponent(value)}`);
  if (!found.ok) return found;
  const ids = found.data.customerIds.slice(0, 20);
  const customers = await Promise.all(ids.map((id) => get(`/api/v1/identity/customers/${id}`).then((answer) => ({ id, answer }))));
  return { ok: true, customers: customers.map(({ id, answer }) => ({
    id,
    name: answer.ok ? nameOf(answer.data.golden) : id,
    contact: answer.ok ? `${answer.data.golden?.emails?.primary ?? ''} ${answer.data.golden?.phones?.primary ?? ''}` : '',
  })) };
}

function nameOf(golden) {
  const name = golden?.name?.value;
  if (!name) return 'Unnamed customer';
  return name.full || [name.title, name.given, name.middle, name.family].filter(Boolean).join(' ');
}

function addressOf(golden) {
  const address = golden?.address?.value;
  return address ? [...(address.lines ?? []), address.postalCode, address.locality, address.country].filter(Boolean).join(', ') : '';
}

export async function customerView(main, id) {
  const identity = h('div', { id: 'identity' }, h('p', { class: 'muted' }, 'Loading identity…'));
  const profile = h('div', { id: 'profile' }, h('p', { class: 'muted' }, 'Loading profile…'));
  const timeline = h('div', { id: 'timeline' });
  show(main, h('p', {}, h('a', { href: '#/customers' }, '← search')), h('div', { class: 'grid' }, identity, profile), timeline);
  await Promise.all([showIdentity(identity, id), showProfile(profile, id), timelineView(timeline, id)]);
}

async function showIdentity(target, id) {
  const answer = await get(`/api/v1/identity/customers/${id}`);
  if (!answer.ok) {
    show(target, section('Identity', unavailable('Identity', answer.reason)));
    return;
  }
  const customer = answer.data;
  const golden = customer.golden ?? {};
  show(target, section(nameOf(golden),
    h('p', { class: 'muted' }, `Customer ${customer.id} · ${customer.status}${customer.mergedInto ? ` · merged into ${customer.mergedInto}` : ''}`),
    facts([
      ['Born', golden.birthDate?.value],
      ['Emails', (golden.emails?.values ?? []).map((v) => v.value).join(', ')],
      ['Phones', (golden.phones?.values ?? []).map((v) => v.value).join(', ')],
      ['Address', addressOf(golden)],
    ]),
    h('h4', {}, 'Accounts across lines of business'),
    h('table', { class: 'records' }, h('tr', {}, h('th', {}, 'System'), h('th', {}, 'Number'), h('th', {}, 'Linked'), h('th', {}, 'Since')),
      (customer.records ?? []).map((record) => h('tr', {}, h('td', {}, record.sourceSystem), h('td', {}, record.sourceId),
        h('td', {}, record.decision + (record.probability != null ? ` (${Math.round(record.probability * 100)}%)` : '')),
        h('td', {}, when(record.receivedAt))))),
    h('h4', {}, 'Identifiers'),
    h('ul', {}, (customer.identifiers ?? []).map((identifier) => h('li', {}, `${identifier.type}: ${identifier.value}`)))));
}

async function showProfile(target, id) {
  const answer = await get(`/api/v1/profiles/${id}`);
  if (!answer.ok) {
    show(target, section('Profile', unavailable('Profile', answer.reason)));
    return;
  }
  const p = answer.data;
  const insights = p.insights ?? {};
  show(target, section('Profile',
    facts([['Tier', p.tier], ['Segments', (p.segments ?? []).join(', ')], ['Relationship value', p.relationshipValue],
      ['Contacts', p.interactions?.total], ['Preferred channel', p.interactions?.preferredChannel]]),
    h('h4', {}, 'Insights'),
    h('ul', { class: 'insights' },
      h('li', {}, insights.otherAccounts?.answer ? 'Has other accounts with us' : 'No other accounts'),
      h('li', {}, insights.recentOffer?.answer ? 'Received a recent offer' : 'No recent offer'),
      h('li', {}, insights.unresolvedProblem?.answer ? 'Has an unresolved problem' : 'No unresolved problem')),
    h('h4', {}, 'Open cases'),
    list(p.openCases, (c) => `${c.caseId} · ${c.subject ?? c.kind} · ${c.severity ?? ''} · opened ${when(c.openedAt)}`),
    h('h4', {}, 'Recent offers'),
    list(p.offers, (o) => `${o.product ?? o.offerId} via ${o.channel ?? '?'} · ${when(o.sentAt)}${o.response ? ` · ${o.response}` : ''}`),
    h('h4', {}, 'Holdings'),
    list(p.holdings, (x) => `${x.lineOfBusiness ?? ''} ${x.product ?? ''} ${x.accountId} · ${x.status ?? ''}`)));
}

function list(items, text) {
  return items?.length ? h('ul', {}, items.map((item) => h('li', {}, text(item)))) : h('p', { class: 'muted' }, 'None');
}

async function timelineView(target, id) {
  const channel = h('select', { id: 'timeline-channel', 'aria-label': 'Channel' }, CHANNELS.map((c) => h('option', { value: c }, c || 'All channels')));
  const direction = h('select', { id: 'timeline-direction', 'aria-label': 'Direction' },
    ['', 'INBOUND', 'OUTBOUND'].map((d) => h('option', { value: d }, d || 'Both directions')));
  const text = h('input', { id: 'timeline-text', type: 'search', placeholder: 'text' });
  const items = h('div');
  const load = async () => {
    const query = new URLSearchParams({ limit: '20' });
    if (channel.value) query.set('channel', channel.value);
    if (direction.value) query.set('direction', direction.value);
    if (text.value.trim()) query.set('q', text.value.trim());
    const answer = await get(`/api/v1/customers/${id}/interactions?${query}`);
    if (!answer.ok) {
      show(items, unavailable('Timeline', answer.reason));
      return;
    }
    show(items, answer.data.items.length === 0 ? h('p', { class: 'muted' }, 'No contacts.')
      : h('ol', { class: 'timeline' }, answer.data.items.map((i) => h('li', {},
        h('span', { class: 'channel' }, i.channel), ` ${i.direction === 'INBOUND' ? '←' : '→'} `,
        h('strong', {}, i.subject ?? ''), h('span', { class: 'muted' }, ` ${when(i.occurredAt)}`),
        i.text ? h('p', {}, i.text.slice(0, 280)) : null))));
  };
  show(target, section('Timeline', h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); load(); } },
    channel, direction, text, h('button', { type: 'submit' }, 'Filter')), items));
  await load();
}
