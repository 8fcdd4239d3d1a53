// The admin API as the console uses it (README "Admin console"). Credentials live in this module's
// memory only: never in a URL, a cookie or browser storage. Requests carry them in the
// Authorization header, which a cross-site page cannot make the browser send.

let authorization = null;

/** An error answered by the API: HTTP status, the error table's code, and its message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function logIn(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  authorization = 'Basic ' + btoa(String.fromCharCode(...bytes));
}

export function logOut() {
  authorization = null;
}

function headers(extra) {
  // X-Requested-With: the node then leaves out WWW-Authenticate, so the browser shows no login dialog.
  const h = { 'X-Requested-With': 'domain-registry-console', ...extra };
  if (authorization) {
    h.Authorization = authorization;
  }
  return h;
}

async function failure(response) {
  let code = 'http_' + response.status;
  let message = response.statusText || 'Request failed';
  try {
    const body = await response.json();
    if (body.code) {
      code = body.code;
      message = body.message;
    } else if (body.errors && body.errors.length) {
      code = body.errors[0].extensions?.code ?? code;
      message = body.errors[0].message;
    }
  } catch (e) {
    // not JSON: keep the HTTP status line
  }
  return new ApiError(response.status, code, message);
}

/** Sends a REST request; resolves with the JSON body (or null for 202/204), rejects with ApiError. */
export async function rest(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw await failure(response);
  }
  return response.status === 204 || response.status === 202 ? null : response.json();
}

/** Runs a GraphQL operation; resolves with data, rejects with the first error as ApiError. */
export async function graphql(query, variables) {
  const response = await fetch('/api/graphql', {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok) {
    throw await failure(response);
  }
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new ApiError(200, body.errors[0].extensions?.code ?? 'graphql_error', body.errors[0].message);
  }
  return body.data;
}

/**
 * Follows a Server-Sent Events route with the credentials (EventSource cannot send headers), resuming
 * after lastEventId; calls onEvent({id, data}) per event until the signal aborts. Resolves when the
 * stream ends, rejects with ApiError when refused.
 */
export async function follow(path, lastEventId, onEvent, signal) {
  const extra = lastEventId == null ? {} : { 'Last-Event-ID': String(lastEventId) };
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream', ...extra }), signal });
  if (!response.ok) {
    throw await failure(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { id: null, data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (event.data.length) {
          onEvent({ id: event.id, data: event.data.join('\n') });
        }
        event = { id: null, data: [] };
      } else if (line.startsWith('id:')) {
        event.id = line.slice(3).trim();
      } else if (line.startsWith('data:')) {
        event.data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}
