/** `fetch` snippets (Node 18+ ESM or a browser): values embedded with `JSON.stringify`. */
import { DEFAULT_BASE_URL, type SnippetRequest } from './request.ts';
import { jsFormLines, jsHeaderLines, jsPreamble } from './js-common.ts';
import { jsString, jsValue } from './js-literal.ts';

/** @param baseUrl @default DEFAULT_BASE_URL */
export function fetchSnippet(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string {
  const lines = [...jsPreamble(req, baseUrl), '', ...jsFormLines(req)];
  if (req.body?.kind === 'form') lines.push('');
  lines.push(`const response = await fetch(BASE_URL + ${jsString(req.pathAndQuery)}, {`);
  lines.push(`  method: ${jsString(req.method)},`);
  lines.push('  headers: {', ...jsHeaderLines(req, '    '), '  },');
  if (req.body?.kind === 'json')
    lines.push(`  body: JSON.stringify(${jsValue(req.body.value, 2)}),`);
  if (req.body?.kind === 'form') lines.push('  body: form,');
  lines.push('});', 'console.log(response.status, await response.text());');
  return `${lines.join('\n')}\n`;
}
