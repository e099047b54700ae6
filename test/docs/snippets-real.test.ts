/**
 * Every snippet of the real spec is code: cURL passes `bash -n` and, against the HTTP mock, gets a
 * documented status; fetch, axios and typed-client snippets type-check (the client against its
 * source), and fetch snippets run against the mock too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOperations, type OperationModel } from '../../scripts/stages/docs/operations.ts';
import {
  axiosSnippet,
  curlSnippet,
  fetchSnippet,
  snippetRequest,
  typedClientSnippet,
} from '../../scripts/stages/docs/snippets/index.ts';
import { bashSyntax } from './support/shell.ts';
import { realSpec, ROOT, scratchDir, xssSpec } from './support/spec.ts';
import { typecheck } from './support/typecheck.ts';

const ops = collectOperations(realSpec());
const documented = (op: OperationModel) => op.responses.map((r) => r.status);
/** Async spawn: the mock answers on this process's event loop, so spawnSync would deadlock. */
const run = (cmd: string, args: string[], env: Record<string, string>) =>
  spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
const fileName = (op: OperationModel, kind: string) =>
  `${kind}-${op.id.replace(/[^\w-]/g, '_')}.mts`;

describe('cURL snippets of the real spec', () => {
  it.each(ops.map((op) => [op.id, op] as const))('%s passes bash -n', (_id, op) => {
    const result = bashSyntax(curlSnippet(snippetRequest(op)));
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('JS snippets type-check', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('fetch, axios and typed-client snippets of the real spec compile under strict tsc', () => {
    const dir = scratchDir('tsc-real');
    dirs.push(dir);
    const files: Record<string, string> = {};
    for (const op of ops) {
      const req = snippetRequest(op);
      files[fileName(op, 'fetch')] = fetchSnippet(req);
      files[fileName(op, 'axios')] = axiosSnippet(req);
      files[fileName(op, 'client')] = typedClientSnippet(req);
    }
    const { ok, output } = typecheck(dir, files);
    expect(output).toBe('');
    expect(ok).toBe(true);
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
  DEMO_API_KEY: string;
}
const MOCK_ENTRY = path.join(ROOT, 'packages/mock/src/index.ts');
const hasMock = fs.existsSync(MOCK_ENTRY);
if (!hasMock)
  console.warn(
    'docs: packages/mock/src/index.ts not found: skipping snippet runs against the HTTP mock',
  );

describe.skipIf(!hasMock)('snippets against the HTTP mock', () => {
  let mock: Awaited<ReturnType<MockModule['createMockServer']>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    const mod = (await import(MOCK_ENTRY)) as MockModule;
    mock = await mod.createMockServer({ port: 0 });
    env = {
      PATH: process.env.PATH ?? '',
      MINBIL_ACCESS_TOKEN: mod.DEMO_ACCESS_TOKEN,
      MINBIL_API_KEY: mod.DEMO_API_KEY,
    };
  });
  afterAll(() => mock?.close());

  it.each(ops.map((op) => [op.id, op] as const))(
    'cURL %s gets a documented status',
    async (_id, op) => {
      const script = curlSnippet(snippetRequest(op), mock.baseUrl).replace(
        /^curl /m,
        `curl -s -o /dev/null -w '%{http_code}' `,
      );
      const status = await new Promise<string>((resolve, reject) => {
        const child = run('bash', ['-c', script], env);
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.on('error', reject);
        child.on('close', () => resolve(out.trim()));
      });
      expect(documented(op)).toContain(status);
    },
  );

  it('fetch snippets run with node and print a documented status', async () => {
    const dir = scratchDir('run-fetch');
    try {
      for (const op of ops.filter((o) => o.method === 'get').slice(0, 12)) {
        const file = path.join(dir, fileName(op, 'fetch'));
        fs.writeFileSync(file, fetchSnippet(snippetRequest(op), mock.baseUrl));
        const out = await new Promise<string>((resolve) => {
          const child = run(process.execPath, [file], env);
          let text = '';
          child.stdout.on('data', (d: Buffer) => (text += d));
          child.on('close', () => resolve(text));
        });
        expect(documented(op), op.id).toContain(out.split(' ')[0]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
