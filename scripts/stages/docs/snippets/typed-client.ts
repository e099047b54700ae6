/** Snippets for our typed client `@minbil/car-owner-client` (openapi-fetch style calls). */
import { DEFAULT_BASE_URL, type FormField, type SnippetRequest } from './request.ts';
import { jsBaseLine, jsString, jsValue } from './js-literal.ts';

export const CLIENT_PACKAGE = '@minbil/car-owner-client';

function clientOptions(req: SnippetRequest): string[] {
  const lines = ['  baseUrl: BASE_URL,'];
  if (req.auth === 'bearer' || req.auth === 'optional-bearer')
    lines.push(
      req.credential === 'refresh_token'
        ? `  tokenStore: createMemoryTokenStore({ accessToken: "", refreshToken: process.env.${req.secretEnv} ?? "" }),`
        : `  tokenStore: createMemoryTokenStore({ accessToken: process.env.${req.secretEnv} ?? "" }),`,
    );
  if (req.auth === 'apiKey') lines.push(`  apiKey: process.env.${req.secretEnv} ?? "",`);
  // Files in a plain-object body need the opt-in multipart encoder (its own package entry).
  if (req.body?.kind === 'form') lines.push('  multipart,');
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
  if (req.body?.kind === 'form') lines.push('  body: {', ...formBodyLines(req.body.fields), '  },');
  return lines;
}

/**
 * A multipart body as the client takes it: text as strings, files as `File` objects (a file name
 * string would be sent as text), repeated fields as arrays. The client, created with the
 * `multipart` encoder, builds the FormData.
 */
function formBodyLines(fields: readonly FormField[]): string[] {
  const byName = new Map<string, { list: boolean; values: string[] }>();
  for (const f of fields) {
    const entry = byName.get(f.name) ?? { list: false, values: [] };
    entry.list ||= f.list === true;
    entry.values.push(
      f.file ? `new File([/* file bytes */], ${jsString(f.value)})` : jsString(f.value),
    );
    byName.set(f.name, entry);
  }
  return [...byName].map(([name, { list, values }]) => {
    // a `"__proto__": …` entry would set the prototype; a computed key defines the property
    const key = name === '__proto__' ? `[${jsString(name)}]` : jsString(name);
    const value = list || values.length > 1 ? `[${values.join(', ')}]` : values[0]!;
    return `    ${key}: ${value},`;
  });
}

/** @param baseUrl @default DEFAULT_BASE_URL */
export function typedClientSnippet(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string {
  const bearer = req.auth === 'bearer' || req.auth === 'optional-bearer';
  const imports = bearer ? 'createClient, createMemoryTokenStore' : 'createClient';
  const init = initLines(req);
  const call = `client.${req.method}(${jsString(req.pathTemplate)}`;
  return [
    `import { ${imports} } from ${jsString(CLIENT_PACKAGE)};`,
    ...(req.body?.kind === 'form'
      ? [`import { multipart } from ${jsString(`${CLIENT_PACKAGE}/multipart`)};`]
      : []),
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
