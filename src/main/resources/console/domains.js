// The Domains view: prefix search, host type and status filters, keyset paging over GET /api/domains,
// add / enable / disable / remove / request removal, and a domain's details with its removal progress.
import { rest } from './api.js';
import { $, el, row, button, attempt } from './ui.js';

const pages = [];      // cursors of the pages shown so far; the last one is the current page's
let next = null;

function query(after) {
  const params = new URLSearchParams();
  const prefix = $('domain-search').value.trim();
  const hostType = $('domain-host-type-filter').value.trim();
  const status = $('domain-status-filter').value;
  if (prefix) params.set('prefix', prefix);
  if (hostType) params.set('host_type', hostType);
  if (status) params.set('status', status);
  if (after) params.set('after', after);
  params.set('limit', $('domain-page-size').value);
  return '/api/domains?' + params;
}

async function show(after) {
  const page = await attempt(() => rest('GET', query(after)));
  if (!page) return;
  const body = $('domain-rows');
  body.replaceChildren(...page.domains.map(domainRow));
  if (page.domains.length === 0) {
    body.append(row([el('td', 'No domain matches.', { colspan: 5 })]));
  }
  next = page.next;
  $('domain-next').disabled = next == null;
  $('domain-prev').disabled = pages.length <= 1;
  $('domain-page-label').textContent = `page ${pages.length}`;
}

function domainRow(d) {
  const actions = el('td');
  if (d.type === 'dynamic') {
    if (d.status === 'enabled') actions.append(button('Disable', 'act-disable', () => setEnabled(d.domain, false)));
    if (d.status === 'disabled') actions.append(button('Enable', 'act-enable', () => setEnabled(d.domain, true)));
    actions.append(button('Remove', 'act-remove', () => remove(d, false)),
      button('Request removal', 'act-request-removal', () => remove(d, true)));
  }
  actions.append(button('Details', 'act-details', () => details(d.domain)));
  return row([d.domain, d.host_type, el('td', d.status, { class: 'status' }), d.type, actions], { 'data-domain': d.domain });
}

const path = (domain) => '/api/domains/' + encodeURIComponent(domain);

async function setEnabled(domain, enabled) {
  if (await attempt(() => rest('PATCH', path(domain), { enabled }).then(() => true))) await refresh();
}

async function remove(d, background) {
  const what = background ? 'Request the removal of' : 'Remove';
  if (!window.confirm(`${what} ${d.domain} and its data in every sibling service?`)) return;
  if (await attempt(() => rest('DELETE', path(d.domain), { host_type: d.host_type, request: background }).then(() => true))) {
    await refresh();
    if (background) await details(d.domain);
  }
}

async function details(domain) {
  const d = await attempt(() => rest('GET', path(domain)));
  if (!d) return;
  const box = $('domain-details');
  const list = el('dl');
  const add = (term, value) => list.append(el('dt', term), el('dd', value ?? '—'));
  add('Domain', d.domain); add('Host type', d.host_type); add('Status', d.status); add('Type', d.type);
  if (d.removal) {
    add('Removal running now', d.removal.running ? 'yes' : 'no');
    if (d.removal.handlers_total != null) {
      add('Cleanup handlers done', `${d.removal.handlers_done} of ${d.removal.handlers_total}`);
    }
    add('Failed attempts', d.removal.attempts);
    add('Last error', d.removal.last_error);
    add('Next attempt', d.removal.next_attempt_at);
  }
  box.replaceChildren(el('h3', 'Details'), list, button('Close', 'act-close', () => { box.hidden = true; }));
  box.hidden = false;
}

async function refresh() {
  await show(pages[pages.length - 1]);
}

async function add(event) {
  event.preventDefault();
  const domain = $('add-domain').value.trim();
  const hostType = $('add-host-type').value.trim();
  if (await attempt(() => rest('PUT', path(domain), { host_type: hostType }).then(() => true))) {
    $('add-domain').value = '';
    await refresh();
  }
}

export function initDomains() {
  $('domain-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    pages.length = 0;
    pages.push(null);
    show(null);
  });
  $('domain-next').addEventListener('click', () => { pages.push(next); show(next); });
  $('domain-prev').addEventListener('click', () => { pages.pop(); refresh(); });
  $('add-domain-form').addEventListener('submit', add);
}

export function enterDomains() {
  if (pages.length === 0) pages.push(null);
  return refresh();
}
