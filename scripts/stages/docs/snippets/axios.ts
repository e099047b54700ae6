/** Node axios snippets: the same request as fetch, with `validateStatus` so 4xx are printed too. */
import { DEFAULT_BASE_URL, type SnippetRequest } from './request.ts';
import { jsFormLines, jsHeaderLines, jsPreamble } from './js-common.ts';
import { jsString, jsValue } from './js-literal.ts';

/** @param baseUrl @default DEFAULT_BASE_URL */
export function axiosSnippet(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string {
  const lines = [
    'import axios from "axios";',
    '',
    ...jsPreamble(req, baseUrl),
    '',
    ...jsFormLines(req),
  ];
  if (req.body?.kind === 'form') lines.push('');
  lines.push('const response = await axios.request({');
  lines.push(`  method: ${jsString(req.method.toLowerCase())},`);
  lines.push(`  url: BASE_URL + ${jsString(req.pathAndQuery)},`);
  lines.push('  headers: {', ...jsHeaderLines(req, '    '), '  },');
  if (req.body?.kind === 'json') lines.push(`  data: ${jsValue(req.body.value, 2)},`);
  if (req.body?.kind === 'form') lines.push('  data: form,');
  lines.push('  timeout: 20_000,', '  validateStatus: () => true,', '});');
  lines.push('console.log(response.status, response.data);');
  return `${lines.join('\n')}\n`;
}
