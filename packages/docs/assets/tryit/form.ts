/** The console's form: server choice, parameters, body, credentials, send button, response view. */
import { el } from '../dom.ts';
import { SERVERS } from './servers.ts';
import { getSecret, setSecret } from './secrets.ts';
import type { TryItOp, TryItResult } from './types.ts';

let counter = 0;
const scalar = (v: unknown) =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

function field(
  label: string,
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  hint = '',
): HTMLElement {
  const id = `tryit-${++counter}`;
  input.id = id;
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    input,
    ...(hint ? [el('span', { class: 'hint' }, hint)] : []),
  );
}

export interface TryItForm {
  root: HTMLElement;
  server(): string;
  confirmed(): boolean;
  values(): Map<string, string>;
  body(): string;
  show(result: TryItResult | string): void;
  sendButton: HTMLButtonElement;
}

export function buildForm(op: TryItOp, requestExample: string): TryItForm {
  const select = el('select', { name: 'server' });
  for (const s of SERVERS) select.append(el('option', { value: s.id }, s.label));
  const confirm = el('input', { type: 'checkbox' });
  const confirmRow = el(
    'div',
    { class: 'field confirm', hidden: '' },
    el('label', {}, confirm, ' I understand this sends a real request to production.'),
  );
  select.addEventListener('change', () => (confirmRow.hidden = select.value !== 'production'));

  const inputs = new Map<string, HTMLInputElement>();
  const params = op.params.map((p) => {
    const input = el('input', { type: 'text', value: scalar(p.example), spellcheck: 'false' });
    inputs.set(`${p.in}:${p.name}`, input);
    return field(`${p.name} (${p.in}${p.required ? ', required' : ''})`, input);
  });
  const body = el('textarea', { rows: '8', spellcheck: 'false' });
  body.value = requestExample;
  const creds: HTMLElement[] = [];
  if (op.auth !== 'none' && op.auth !== 'apiKey') {
    const token = el('input', { type: 'password', autocomplete: 'off', value: getSecret('token') });
    token.addEventListener('input', () => setSecret('token', token.value));
    creds.push(field('Access token', token, 'Kept in memory only.'));
  }
  if (op.auth === 'apiKey') {
    const key = el('input', { type: 'password', autocomplete: 'off', value: getSecret('apiKey') });
    key.addEventListener('input', () => setSecret('apiKey', key.value));
    creds.push(field(`API key (${op.apiKeyHeader})`, key, 'Kept in memory only.'));
  }
  const sendButton = el('button', { type: 'submit', class: 'send' }, `Send ${op.method}`);
  const output = el('div', { class: 'tryit-output', 'aria-live': 'polite' });
  const root = el(
    'form',
    { class: 'tryit-form', novalidate: '' },
    field('Server', select),
    confirmRow,
    ...params,
    ...(op.bodyType ? [field(`Body (${op.bodyType})`, body)] : []),
    ...creds,
    sendButton,
    output,
  );
  return {
    root,
    sendButton,
    server: () => select.value,
    confirmed: () => confirm.checked,
    values: () => new Map([...inputs].map(([k, i]) => [k, i.value])),
    body: () => (op.bodyType ? body.value : ''),
    show(result) {
      output.replaceChildren();
      if (typeof result === 'string') {
        output.append(el('p', { class: 'error' }, result));
        return;
      }
      output.append(
        el(
          'p',
          { class: 'status-line' },
          el('strong', { class: 'status' }, String(result.status)),
          ` ${result.statusText}`,
        ),
      );
      if (result.note) output.append(el('p', { class: 'hint' }, result.note));
      const headers = el('dl', { class: 'res-headers' });
      for (const [k, v] of result.headers) headers.append(el('dt', {}, k), el('dd', {}, v));
      let text = result.body;
      try {
        text = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: show as sent
      }
      output.append(
        el('h5', {}, 'Headers'),
        headers,
        el('h5', {}, 'Body'),
        el('pre', { class: 'res-body' }, el('code', {}, text)),
      );
    },
  };
}
