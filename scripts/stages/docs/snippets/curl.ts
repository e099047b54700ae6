/**
 * cURL snippets. Every value from the spec is single-quoted with POSIX escaping; secrets come from
 * environment variables in double quotes, the only unquoted expansion.
 */
import { DEFAULT_BASE_URL, type SnippetRequest } from './request.ts';
import { shellBaseLine, shellQuote } from './shell.ts';

const TOKEN_HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function authArgs(req: SnippetRequest): string[] {
  if (req.auth === 'bearer' || req.auth === 'optional-bearer')
    return [`-H "Authorization: Bearer $${req.secretEnv}"`];
  if (req.auth === 'apiKey') {
    const name = req.apiKeyHeader;
    // a header name from the spec is quoted like any other value unless it is a plain token
    return [
      TOKEN_HEADER.test(name) && !name.includes("'") && !name.includes('`') && !name.includes('$')
        ? `-H "${name}: $${req.secretEnv}"`
        : `-H ${shellQuote(`${name}: `)}"$${req.secretEnv}"`,
    ];
  }
  return [];
}

/** A runnable POSIX-shell cURL command for the request. @param baseUrl @default DEFAULT_BASE_URL */
export function curlSnippet(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string {
  const args = [`-X ${req.method}`, `"$BASE_URL"${shellQuote(req.pathAndQuery)}`];
  const headers: string[] = [`-H ${shellQuote('Accept: application/json')}`, ...authArgs(req)];
  for (const [name, value] of req.headers) headers.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (req.body?.kind === 'json') {
    headers.push(`-H ${shellQuote(`Content-Type: ${req.body.contentType}`)}`);
    headers.push(`--data-raw ${shellQuote(JSON.stringify(req.body.value, null, 2))}`);
  } else if (req.body?.kind === 'form') {
    // --form-string never reads files, so a value starting with @ or < stays literal
    for (const f of req.body.fields)
      headers.push(
        f.file
          ? `-F ${shellQuote(`${f.name}=@${f.value}`)}`
          : `--form-string ${shellQuote(`${f.name}=${f.value}`)}`,
      );
  }
  return `${shellBaseLine(baseUrl)}\ncurl ${args.join(' ')} \\\n  ${headers.join(' \\\n  ')}\n`;
}
