// The Cluster view: one row per node from GET /api/cluster (ready, applied event, lag behind the
// database, stale since, digest agreement), the removal jobs each node holds (GET /api/removals),
// and a chart of each node's lag, sampled every 2 s while logged in.
import { rest } from './api.js';
import { $, el, row, showError } from './ui.js';

const SAMPLE_MS = 2000;
const WINDOW_MS = 5 * 60 * 1000;
const COLOURS = ['#2f6fde', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285'];
const history = new Map(); // node -> [{t, lag}]
let timer = null;

const lag = (n) => Math.max(0, (n.db_max_event_id ?? n.applied_event_id) - n.applied_event_id);

async function sample() {
  let cluster;
  let removals;
  try {
    [cluster, removals] = await Promise.all([rest('GET', '/api/cluster'), rest('GET', '/api/removals?limit=1000')]);
  } catch (error) {
    if (!$('view-cluster').hidden) showError(error);
    return;
  }
  const now = Date.now();
  for (const n of cluster.nodes) {
    const points = history.get(n.node) ?? [];
    points.push({ t: now, lag: lag(n) });
    while (points.length && points[0].t < now - WINDOW_MS) points.shift();
    history.set(n.node, points);
  }
  render(cluster, removals.removals);
}

function render(cluster, jobs) {
  const held = new Map();
  for (const job of jobs.filter((j) => j.running && j.node)) held.set(job.node, (held.get(job.node) ?? 0) + 1);
  const digests = new Set(cluster.nodes.filter((n) => n.digest != null).map((n) => `${n.applied_event_id}:${n.digest}`));
  $('cluster-rows').replaceChildren(...cluster.nodes.map((n) => row([
    n.node,
    el('td', n.ready ? 'ready' : 'not ready', { class: n.ready ? 'good' : 'bad' }),
    n.applied_event_id,
    el('td', lag(n), { class: lag(n) > 0 ? 'bad' : 'good' }),
    n.stale_since ?? '—',
    n.digest == null ? '—' : el('td', cluster.diverged ? `${n.digest} (diverged)` : n.digest,
      { class: cluster.diverged ? 'bad' : 'good' }),
    held.get(n.node) ?? 0,
  ], { 'data-node': n.node })));
  const live = cluster.live_nodes ?? [];
  $('cluster-summary').textContent = `${cluster.nodes.length} node(s) answered, ${live.length} live in the cluster`
    + (digests.size > 1 && cluster.diverged ? ': digests DIVERGE' : '');
  $('removal-rows').replaceChildren(...jobs.map((j) => row([j.domain, j.host_type,
    j.handlers_total == null ? '—' : `${j.handlers_done} of ${j.handlers_total}`, j.attempts, j.last_error ?? '—',
    j.next_attempt_at, j.running ? j.node : '—'])));
  chart();
}

function chart() {
  const canvas = $('lag-chart');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const now = Date.now();
  const max = Math.max(1, ...[...history.values()].flat().map((p) => p.lag));
  g.fillStyle = '#555';
  g.fillText(`${max} events`, 4, 12);
  g.fillText('now', canvas.width - 24, canvas.height - 4);
  [...history.entries()].forEach(([node, points], i) => {
    g.strokeStyle = COLOURS[i % COLOURS.length];
    g.beginPath();
    points.forEach((p, j) => {
      const x = canvas.width - ((now - p.t) / WINDOW_MS) * canvas.width;
      const y = canvas.height - 16 - (p.lag / max) * (canvas.height - 32);
      if (j === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
    g.fillStyle = g.strokeStyle;
    g.fillText(node.slice(0, 8), 70 + i * 80, 12);
  });
}

export function startCluster() {
  stopCluster();
  sample();
  timer = setInterval(sample, SAMPLE_MS);
}

export function stopCluster() {
  if (timer) clearInterval(timer);
  timer = null;
  history.clear();
}

export const enterCluster = sample;
