/** What the fetch and axios snippets share: the preamble and the header object. */
import { DEFAULT_BASE_URL, type SnippetRequest } from './request.ts';
import { jsBaseLine, jsString } from './js-literal.ts';

const usesToken = (req: SnippetRequest) => req.auth === 'bearer' || req.auth === 'optional-bearer';
/** `ACCESS_TOKEN`, `REFRESH_TOKEN`, …: the constant named after the credential. */
const tokenConst = (req: SnippetRequest) => (req.credential || 'access_token').toUpperCase();

/** `const BASE_URL = …;` plus the secret constants the request needs (read from the environment). */
export function jsPreamble(req: SnippetRequest, baseUrl = DEFAULT_BASE_URL): string[] {
  const lines = [jsBaseLine(baseUrl)];
  if (usesToken(req)) lines.push(`const ${tokenConst(req)} = process.env.${req.secretEnv} ?? "";`);
  if (req.auth === 'apiKey') lines.push(`const API_KEY = process.env.${req.secretEnv} ?? "";`);
  return lines;
}

/** The entries of the headers object literal, one per line, indented by `pad`. */
export function jsHeaderLines(req: SnippetRequest, pad: string): string[] {
  const lines = [`${pad}Accept: "application/json",`];
  if (usesToken(req)) lines.push(`${pad}Authorization: \`Bearer \${${tokenConst(req)}}\`,`);
  if (req.auth === 'apiKey') lines.push(`${pad}${jsString(req.apiKeyHeader)}: API_KEY,`);
  for (const [name, value] of req.headers)
    lines.push(`${pad}${jsString(name)}: ${jsString(value)},`);
  if (req.body?.kind === 'json')
    lines.push(`${pad}"Content-Type": ${jsString(req.body.contentType)},`);
  return lines;
}

/** Statements that build a FormData named `form` for a multipart body. */
export function jsFormLines(req: SnippetRequest): string[] {
  if (req.body?.kind !== 'form') return [];
  const lines = ['const form = new FormData();'];
  for (const f of req.body.fields)
    lines.push(
      f.file
        ? `form.append(${jsString(f.name)}, new Blob([/* file bytes */]), ${jsString(f.value)});`
        : `form.append(${jsString(f.name)}, ${jsString(f.value)});`,
    );
  return lines;
}
