// The Live changes view: the change feed as Server-Sent Events (GET /api/events/stream), newest on
// top. Pause closes the stream; Resume reopens it with Last-Event-ID, so nothing is missed.
import { follow, rest } from './api.js';
import { $, row, showError } from './ui.js';

const MAX_ROWS = 500;
let lastId = null;
let controller = null;

function onEvent(event) {
  lastId = event.id ?? lastId;
  let change;
  try {
    change = JSON.parse(event.data);
  } catch (e) {
    return;
  }
  if (!change.domain) {
    // e.g. reload_needed: the feed was cleaned past the resume point; follow on from now
    showError({ code: change.code ?? 'reload_needed', message: change.message ?? 'The feed restarts from now' });
    lastId = null;
    return;
  }
  const rows = $('changes-rows');
  rows.prepend(row([change.id ?? event.id, change.domain, change.host_type ?? '—', change.status ?? change.type,
    new Date().toLocaleTimeString()], { 'data-domain': change.domain ?? '' }));
  while (rows.children.length > MAX_ROWS) rows.lastChild.remove();
}

async function open() {
  controller = new AbortController();
  $('changes-state').textContent = 'following';
  $('changes-pause').textContent = 'Pause';
  try {
    // A first visit follows from now: the node's applied event id is the starting point.
    if (lastId == null) lastId = (await rest('GET', '/api/sync')).applied_event_id;
    await follow('/api/events/stream', lastId, onEvent, controller.signal);
    if (controller && !controller.signal.aborted) setTimeout(open, 1000);
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('changes-state').textContent = 'stopped';
    showError(error);
    controller = null;
  }
}

function pause() {
  controller?.abort();
  controller = null;
  $('changes-state').textContent = `paused after event ${lastId ?? '—'}`;
  $('changes-pause').textContent = 'Resume';
}

export function initChanges() {
  $('changes-pause').addEventListener('click', () => (controller ? pause() : open()));
}

export function startChanges() {
  if (!controller) open();
}

export function stopChanges() {
  controller?.abort();
  controller = null;
  lastId = null;
  $('changes-rows').replaceChildren();
}
