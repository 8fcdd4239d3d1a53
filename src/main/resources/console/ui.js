// Small DOM helpers shared by the views. Text always goes in through textContent, never as HTML.

export const $ = (id) => document.getElementById(id);

/** A table cell or other element with text and optional attributes. */
export function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text != null) {
    node.textContent = String(text);
  }
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  return node;
}

export function row(cells, attrs = {}) {
  const tr = el('tr', null, attrs);
  for (const cell of cells) {
    tr.append(cell instanceof Node ? cell : el('td', cell ?? ''));
  }
  return tr;
}

export function button(label, className, onClick) {
  const b = el('button', label, { type: 'button', class: className });
  b.addEventListener('click', onClick);
  return b;
}

/** Shows an API error (code and message) or any other failure in the alert banner. */
export function showError(error) {
  const banner = $('error');
  banner.textContent = error.code ? `${error.message} (${error.code})` : String(error.message ?? error);
  banner.hidden = false;
}

export function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** Runs an action, showing its failure; resolves with its result or undefined. */
export async function attempt(action) {
  try {
    clearError();
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  }
}
