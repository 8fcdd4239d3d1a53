// Entry point of the admin console (README "Admin console"): log in, switch views, log out.
import { logIn, logOut, rest, ApiError } from './api.js';
import { $, attempt, clearError, showError } from './ui.js';
import { initDomains, enterDomains } from './domains.js';
import { startCluster, stopCluster, enterCluster } from './cluster.js';
import { initChanges, startChanges, stopChanges } from './changes.js';
import { initAudit, enterAudit } from './audit.js';
import { initMyDomain, enterMyDomain, checkDomainAdmin } from './mydomain.js';

const DOMAIN_ADMIN = /^admin@(.+)$/;
const views = { domains: enterDomains, cluster: enterCluster, changes: startChanges, audit: enterAudit,
  mydomain: enterMyDomain };
let role = null; // 'global' or 'domain-admin'

function showView(name) {
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== 'view-' + name;
  for (const b of document.querySelectorAll('#views button')) b.classList.toggle('active', b.dataset.view === name);
  clearError();
  views[name]();
}

async function login(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  logIn(user, password);
  $('login-password').value = '';
  const asDomainAdmin = DOMAIN_ADMIN.exec(user);
  const ok = await attempt(() => (asDomainAdmin ? checkDomainAdmin(asDomainAdmin[1]) : rest('GET', '/api/sync'))
    .then(() => true));
  if (!ok) {
    logOut();
    return;
  }
  role = asDomainAdmin ? 'domain-admin' : 'global';
  $('who').textContent = asDomainAdmin ? `domain admin of ${asDomainAdmin[1]}` : `admin ${user}`;
  for (const b of document.querySelectorAll('#views .global')) b.hidden = role !== 'global';
  for (const b of document.querySelectorAll('#views .domain-admin')) b.hidden = role === 'global';
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  if (role === 'global') {
    startCluster();
    showView('domains');
  } else {
    showView('mydomain');
  }
}

function logout() {
  logOut();
  stopCluster();
  stopChanges();
  role = null;
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('who').textContent = '';
  clearError();
}

window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError) showError(event.reason);
});
$('login-form').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
for (const b of document.querySelectorAll('#views button')) b.addEventListener('click', () => showView(b.dataset.view));
initDomains();
initChanges();
initAudit();
initMyDomain();
