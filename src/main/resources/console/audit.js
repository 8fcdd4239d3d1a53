// The Audit view: who changed what (GET /api/audit), filtered by domain and caller, paged with "More".
import { rest } from './api.js';
import { $, row, attempt } from './ui.js';

let next = null;

async function load(append) {
  const params = new URLSearchParams({ limit: '100' });
  const domain = $('audit-domain').value.trim();
  const caller = $('audit-caller').value.trim();
  if (domain) params.set('domain', domain);
  if (caller) params.set('caller', caller);
  if (append && next != null) params.set('after', next);
  const page = await attempt(() => rest('GET', '/api/audit?' + params));
  if (!page) return;
  const rows = (page.items ?? page.entries ?? []).map((a) => row([a.at ?? a.when, a.caller, a.node, a.operation,
    a.domain, a.host_type ?? '—', a.result ?? a.error_code, a.event_id ?? '—'], { 'data-domain': a.domain ?? '' }));
  if (append) $('audit-rows').append(...rows); else $('audit-rows').replaceChildren(...rows);
  next = page.next ?? null;
  $('audit-more').hidden = next == null;
}

export function initAudit() {
  $('audit-filters').addEventListener('submit', (event) => { event.preventDefault(); load(false); });
  $('audit-more').addEventListener('click', () => load(true));
}

export const enterAudit = () => load(false);
