/**
 * Every snippet of the real spec is code. cURL passes `bash -n`; fetch, axios and typed-client
 * snippets type-check under strict tsc against the real packages (axios's own types, the client
 * built to `dist/` and imported by its package name). Then every operation's cURL, fetch, axios and
 * typed-client snippet runs against the HTTP mock and must print a documented status, the same
 * one in all four languages. Multipart snippets must upload the same form in every language.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOperations, type OperationModel } from '../../scripts/stages/docs/operations.ts';
import {
  axiosSnippet,
  curlSnippet,
  fetchSnippet,
  SNIPPET_LANGUAGES,
  snippetRequest,
  typedClientSnippet,
  type SnippetLanguage,
  type SnippetRequest,
} from '../../scripts/stages/docs/snippets/index.ts';
import { buildClientPackage, linkClientPackage } from './support/client-package.ts';
import { mapLimit, runProcess, type RunResult } from './support/run.ts';
import { bashSyntax } from './support/shell.ts';
import { realSpec, ROOT, scratchDir, xssSpec } from './support/spec.ts';
import { typecheck } from './support/typecheck.ts';
import { BRANCHING_EXAMPLE } from '../../scripts/stages/docs/html/error-shapes.ts';

const ops = collectOperations(realSpec());
const documented = (op: OperationModel) => op.responses.map((r) => r.status);
const fileName = (op: OperationModel, kind: string) =>
  `${kind}-${op.id.replace(/[^\w-]/g, '_')}.mts`;
/** Snippet processes at once: enough to overlap process start-up, gentle on small CI machines. */
const PARALLEL = 4;

/** Runs one snippet against `baseUrl` in `dir`: cURL through bash, the JS ones with node as `.mjs`. */
function runSnippet(
  lang: SnippetLanguage,
  req: SnippetRequest,
  baseUrl: string,
  dir: string,
  name: string,
  env: Record<string, string>,
): Promise<RunResult> {
  const code = lang.generate(req, baseUrl);
  if (lang.id === 'curl') {
    const script = code.replace(/^curl /m, `curl -sS -o /dev/null -w '%{http_code}' `);
    return runProcess('bash', ['-c', script], { env, cwd: dir });
  }
  const file = path.join(dir, `${lang.id}-${name}.mjs`);
  fs.writeFileSync(file, code);
  return runProcess(process.execPath, [file], { env, cwd: dir });
}

describe('cURL snippets of the real spec', () => {
  it.each(ops.map((op) => [op.id, op] as const))('%s passes bash -n', (_id, op) => {
    const result = bashSyntax(curlSnippet(snippetRequest(op)));
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('JS snippets type-check', () => {
  const dirs: string[] = [];
  beforeAll(() => buildClientPackage());
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('fetch, axios and typed-client snippets of the real spec compile under strict tsc against the real packages', () => {
    const dir = scratchDir('tsc-real');
    dirs.push(dir);
    const files: Record<string, string> = {};
    for (const op of ops) {
      const req = snippetRequest(op);
      files[fileName(op, 'fetch')] = fetchSnippet(req);
      files[fileName(op, 'axios')] = axiosSnippet(req);
      files[fileName(op, 'client')] = typedClientSnippet(req);
    }
    // the landing page's error-handling code is a complete module too, not a fragment
    files['landing-errors.mts'] = BRANCHING_EXAMPLE;
    const { ok, output } = typecheck(dir, files);
    expect(output).toBe('');
    expect(ok).toBe(true);
  });

  it('a wrong call does not compile (the check sees the real axios and client types)', () => {
    const dir = scratchDir('tsc-wrong');
    dirs.push(dir);
    const { ok, output } = typecheck(dir, {
      'client.mts': [
        'import { createClient } from "@minbil/car-owner-client";',
        'const client = createClient({ baseUrl: "http://127.0.0.1" });',
        'await client.GET("/no-such-path");',
      ].join('\n'),
      'axios.mts': 'import axios from "axios";\nawait axios.request({ timeout: "soon" });\n',
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/client\.mts.*error TS/);
    expect(output).toMatch(/axios\.mts.*error TS/);
  });

  it('fetch and axios snippets of the hostile fixture compile too', () => {
    const dir = scratchDir('tsc-xss');
    dirs.push(dir);
    const files: Record<string, string> = {};
    for (const op of collectOperations(xssSpec())) {
      files[fileName(op, 'fetch')] = fetchSnippet(snippetRequest(op));
      files[fileName(op, 'axios')] = axiosSnippet(snippetRequest(op));
    }
    const { ok, output } = typecheck(dir, files);
    expect(output).toBe('');
    expect(ok).toBe(true);
  });
});

interface MockModule {
  createMockServer(o: { port: number }): Promise<{ baseUrl: string; close(): Promise<void> }>;
  DEMO_ACCESS_TOKEN: string;
  DEMO_REFRESH_TOKEN: string;
  DEMO_API_KEY: string;
}
const MOCK_ENTRY = path.join(ROOT, 'packages/mock/src/index.ts');
const hasMock = fs.existsSync(MOCK_ENTRY);
if (!hasMock)
  console.warn(
    'docs: packages/mock/src/index.ts not found: skipping snippet runs against the HTTP mock',
  );

describe.skipIf(!hasMock)('snippets against the HTTP mock', () => {
  const results = new Map<string, RunResult>();
  const key = (op: OperationModel, lang: SnippetLanguage) => `${op.id} ${lang.id}`;
  let dir = '';

  // Each snippet gets a fresh mock, as a reader trying one snippet against `pnpm mock` would, so
  // the mock's state (sign-out, unlinked vehicles) never depends on which snippet ran first.
  beforeAll(async () => {
    buildClientPackage();
    const mod = (await import(MOCK_ENTRY)) as MockModule;
    dir = scratchDir('run');
    linkClientPackage(dir);
    const env = {
      PATH: process.env.PATH ?? '',
      MINBIL_ACCESS_TOKEN: mod.DEMO_ACCESS_TOKEN,
      MINBIL_REFRESH_TOKEN: mod.DEMO_REFRESH_TOKEN,
      MINBIL_API_KEY: mod.DEMO_API_KEY,
    };
    const jobs = ops.flatMap((op) => SNIPPET_LANGUAGES.map((lang) => [op, lang] as const));
    await mapLimit(jobs, PARALLEL, async ([op, lang]) => {
      const mock = await mod.createMockServer({ port: 0 });
      try {
        const name = op.id.replace(/[^\w-]/g, '_');
        results.set(
          key(op, lang),
          await runSnippet(lang, snippetRequest(op), mock.baseUrl, dir, name, env),
        );
      } finally {
        await mock.close();
      }
    });
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(ops.map((op) => [op.id, op] as const))(
    '%s: cURL, fetch, axios and typed client each get the same documented success status',
    (_id, op) => {
      const statuses: Record<string, string> = {};
      for (const lang of SNIPPET_LANGUAGES) {
        const r = results.get(key(op, lang))!;
        const what = `${lang.label} snippet of ${op.id} (exit ${r.code}): ${r.stdout.slice(0, 300)}${r.stderr.slice(0, 500)}`;
        expect(r.code, what).toBe(0);
        expect(documented(op), what).toContain(r.status);
        // the examples are valid and the credentials right, so every snippet succeeds
        expect(r.status, what).toMatch(/^2/);
        statuses[lang.id] = r.status;
      }
      const first = statuses.curl;
      expect(statuses).toEqual({ curl: first, fetch: first, axios: first, client: first });
    },
  );
});

/** What a multipart request carried, as the server parsed it. */
interface ReceivedForm {
  contentType: string;
  fields: [string, string | { file: string; size: number }][];
}

describe('multipart snippets upload the same form in every language', () => {
  // The real spec offers JSON first, so its snippets send JSON; this is what they would send for an
  // operation that takes only multipart (sendMessage's multipart schema: text fields and a file list).
  const op = ops.find((o) => o.id === 'sendMessage')!;
  const schema = (realSpec().components?.schemas ?? {})['SendMessageMultipartRequest'];
  const req = snippetRequest({
    ...op,
    body: {
      ...op.body!,
      contentType: 'multipart/form-data',
      schema,
      example: { thread_id: 'booking-4821', message: '@/etc/passwd', files: ['a', 'b'] },
    },
  });
  const received: ReceivedForm[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', async () => {
      const contentType = request.headers['content-type'] ?? '';
      const entry: ReceivedForm = { contentType, fields: [] };
      try {
        const form = await new Response(Buffer.concat(chunks), {
          headers: { 'content-type': contentType },
        }).formData();
        for (const [name, value] of form)
          entry.fields.push([
            name,
            typeof value === 'string' ? value : { file: value.name, size: value.size },
          ]);
      } catch {
        // not multipart: the assertions below name what arrived
      }
      received.push(entry);
      response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  let dir = '';
  let baseUrl = '';
  beforeAll(async () => {
    buildClientPackage();
    dir = scratchDir('multipart');
    linkClientPackage(dir);
    fs.writeFileSync(path.join(dir, 'photo.jpg'), 'JPEG bytes');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/co`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the generator reads file parts from the schema (contentMediaType, lists)', () => {
    expect(req.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'thread_id', value: 'booking-4821', file: false },
        { name: 'message', value: '@/etc/passwd', file: false },
        { name: 'files', value: 'photo.jpg', file: true, list: true },
        { name: 'files', value: 'photo.jpg', file: true, list: true },
      ],
    });
  });

  it('fetch, axios and typed-client multipart snippets type-check', () => {
    buildClientPackage();
    const { ok, output } = typecheck(dir, {
      'fetch.mts': fetchSnippet(req),
      'axios.mts': axiosSnippet(req),
      'client.mts': typedClientSnippet(req),
    });
    expect(output).toBe('');
    expect(ok).toBe(true);
  });

  it.each(SNIPPET_LANGUAGES.map((lang) => [lang.label, lang] as const))(
    '%s sends text as text and each file as a file part',
    async (_label, lang) => {
      received.length = 0;
      const env = { PATH: process.env.PATH ?? '', MINBIL_ACCESS_TOKEN: 't' };
      const r = await runSnippet(lang, req, baseUrl, dir, 'multipart', env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toBe('201');
      expect(received).toHaveLength(1);
      expect(received[0]!.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
      const fileSize = lang.id === 'curl' ? 'JPEG bytes'.length : 0; // JS snippets: empty Blob placeholder
      expect(received[0]!.fields).toEqual([
        ['thread_id', 'booking-4821'],
        ['message', '@/etc/passwd'],
        ['files', { file: 'photo.jpg', size: fileSize }],
        ['files', { file: 'photo.jpg', size: fileSize }],
      ]);
    },
  );
});
