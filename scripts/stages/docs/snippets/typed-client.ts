/** Snippets for our typed client `@minbil/car-owner-client` (openapi-fetch style calls). */
import { DEFAULT_BASE_URL, ENV, type SnippetRequest } from './request.ts';
import { jsBaseLine, jsString, jsValue } from './js-literal.ts';

export const CLIENT_PACKAGE = '@minbil/car-owner-client';

function clientOptions(req: SnippetRequest): string[] {
  const lines = ['  baseUrl: BASE_URL,'];
  if (req.auth === 'bearer' || req.auth === 'optional-bearer')
    lines.push(
      `  tokenStore: createMemoryTokenStore({ accessToken: process.env.${ENV.token} ?? "" }),`,
    );
  if (req.auth === 'apiKey') lines.push(`  apiKey: process.env.${ENV.apiKey} ?? "",`);
  return lines;
}

function initLines(req: SnippetRequest): string[] {
  const params: string[] = [];
  if (Object.keys(req.pathParams).length) params.push(`    path: ${jsValue(req.pathParams, 4)},`);
  if (Object.keys(req.query).length) params.push(`    query: ${jsValue(req.query, 4)},`);
  if (req.headers.length)
    params.push(`    header: ${jsValue(Object.fromEntries(req.headers), 4)},`);
  const lines = params.length ? ['  params: {', ...params, '  },'] : [];
  if (req.body?.kind === 'json') lines.push(`  body: ${jsValue(req.body.value, 2)},`);
  if (req.body?.kind === 'form') {
    const fields = Object.fromEntries(req.body.fields.map((f) => [f.name, f.value]));
    lines.push(`  body: ${jsValue(fields, 2)},`);
  }
  return lines;
}

/** @param baseUrl @default DEFAULT_BASE_URL */
export function typedClientSnippet(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string {
  const bearer = req.auth === 'bearer' || req.auth === 'optional-bearer';
  const imports = bearer ? 'createClient, createMemoryTokenStore' : 'createClient';
  const init = initLines(req);
  const call = `client.${req.method}(${jsString(req.pathTemplate)}`;
  return [
    `import { ${imports} } from ${jsString(CLIENT_PACKAGE)};`,
    '',
    jsBaseLine(baseUrl),
    'const client = createClient({',
    ...clientOptions(req),
    '});',
    '',
    init.length
      ? `const { data, error, response } = await ${call}, {\n${init.join('\n')}\n});`
      : `const { data, error, response } = await ${call});`,
    'console.log(response.status, error ?? data);',
    '',
  ].join('\n');
}
