/** The console's form: server choice, parameters, body, credentials, send button, response view. */
import { el } from '../dom.ts';
import { SERVERS } from './servers.ts';
import { getSecret, secretKind, setSecret } from './secrets.ts';
import { fieldText } from './serialize.ts';
import type { TryItOp, TryItParam, TryItRequest, TryItResult } from './types.ts';

let counter = 0;

const CREDENTIAL_LABEL: Record<string, string> = {
  access_token: 'Access token',
  refresh_token: 'Refresh token',
  api_key: 'API key',
};

/** How a list or object is typed in, and how it goes on the wire. */
function kindHint(p: TryItParam): string {
  if (p.kind === 'array') {
    const wire =
      p.in === 'query' && p.explode
        ? `${p.name}=a&${p.name}=b`
        : p.in === 'query'
          ? `${p.name}=a${p.style === 'spaceDelimited' ? ' ' : p.style === 'pipeDelimited' ? '|' : ','}b`
          : 'a,b';
    return `Comma-separated list; sent as ${wire}.`;
  }
  if (p.kind === 'object')
    return p.style === 'deepObject'
      ? `JSON object; sent as ${p.name}[key]=value.`
      : 'JSON object (or key=value, key=value).';
  return '';
}

/** Secrets never shown in full: the first 4 characters, then dots. */
const mask = (v: string) => (v.length <= 4 ? '••••' : `${v.slice(0, 4)}••••`);

function maskedHeaders(request: TryItRequest, op: TryItOp): [string, string][] {
  return Object.entries(request.headers).map(([k, v]) => {
    const lower = k.toLowerCase();
    if (lower === 'authorization')
      return [k, v.replace(/^(Bearer\s+)(.*)$/i, (_, b: string, t: string) => b + mask(t))];
    if (op.auth === 'apiKey' && lower === op.apiKeyHeader.toLowerCase()) return [k, mask(v)];
    return [k, v];
  });
}

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
  show(result: TryItResult | string, request?: TryItRequest): void;
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
    const input = el('input', {
      type: 'text',
      value: fieldText(p, p.example),
      spellcheck: 'false',
    });
    inputs.set(`${p.in}:${p.name}`, input);
    return field(`${p.name} (${p.in}${p.required ? ', required' : ''})`, input, kindHint(p));
  });
  const body = el('textarea', { rows: '8', spellcheck: 'false' });
  body.value = requestExample;
  const creds: HTMLElement[] = [];
  const kind = secretKind(op);
  if (kind) {
    const secret = el('input', { type: 'password', autocomplete: 'off', value: getSecret(kind) });
    secret.addEventListener('input', () => setSecret(kind, secret.value));
    const label = CREDENTIAL_LABEL[kind] ?? kind.replace(/_/g, ' ');
    creds.push(
      field(
        op.auth === 'apiKey' ? `${label} (${op.apiKeyHeader})` : label,
        secret,
        'Kept in memory only. Empty: the mock uses its demo credential.',
      ),
    );
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
    show(result, request) {
      output.replaceChildren();
      if (request) {
        const lines = [`${request.method} ${request.url}`];
        for (const [k, v] of maskedHeaders(request, op)) lines.push(`${k}: ${v}`);
        const sent = lines.join('\n') + (request.body === undefined ? '' : `\n\n${request.body}`);
        output.append(
          el('h5', {}, 'Request sent'),
          el('pre', { class: 'req-sent', tabindex: '0' }, el('code', {}, sent)),
        );
      }
      if (typeof result === 'string') {
        output.append(el('p', { class: 'error' }, result));
        return;
      }
      output.append(
        el('h5', {}, 'Response'),
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
        // not JSON: show as received
      }
      output.append(
        el('h6', {}, 'Headers'),
        headers,
        el('h6', {}, 'Body'),
        el('pre', { class: 'res-body', tabindex: '0' }, el('code', {}, text || '(empty)')),
      );
    },
  };
}
