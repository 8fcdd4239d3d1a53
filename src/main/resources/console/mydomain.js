// A domain admin's view: its own domain only, through the GraphQL API (REST is for the global admin).
import { graphql } from './api.js';
import { $, el, attempt } from './ui.js';

let domain = null;

const DETAILS = 'query($d: DomainName!) { domain { domainDetails(domain: $d) { domain hostType status } } }';
const SET_PASSWORD = 'mutation($d: DomainName!, $p: NonEmptyString!) { domain { setDomainPassword(domain: $d, password: $p) } }';

export async function enterMyDomain() {
  const data = await attempt(() => graphql(DETAILS, { d: domain }));
  if (!data) return;
  const d = data.domain.domainDetails;
  const list = $('mydomain-details');
  list.replaceChildren(el('dt', 'Domain'), el('dd', d.domain), el('dt', 'Host type'), el('dd', d.hostType),
    el('dt', 'Status'), el('dd', d.status));
}

/** Checks a domain admin's credentials by reading its domain; resolves true when they are valid. */
export async function checkDomainAdmin(ofDomain) {
  domain = ofDomain;
  await graphql(DETAILS, { d: domain });
  return true;
}

export function initMyDomain() {
  $('mydomain-password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await attempt(() => graphql(SET_PASSWORD, { d: domain, p: $('mydomain-password').value }));
    if (done) {
      $('mydomain-password').value = '';
      $('mydomain-notice').textContent = 'Password changed: log in again with the new one.';
    }
  });
}
