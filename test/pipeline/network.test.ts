// No spec reaches the network: a loopback server records every request while the whole malformed
// corpus runs with its remote `$ref`s pointed at it (plus remote refs hidden where the precheck
// does not look: an example value, a discriminator mapping, an externalValue); it receives none.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';

const corpus = path.join(repoRoot, 'test/fixtures/malformed');
const requests: string[] = [];
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/yaml');
    res.end('type: object\nproperties:\n  stolen:\n    type: string\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hidden = (base: string, url: string) =>
  base
    .replace(
      '              example:\n                id: 1\n',
      `              examples:\n                remote:\n                  externalValue: ${url}/external.json\n                  value:\n                    $ref: ${url}/in-example.yaml\n`,
    )
    .replace(
      '    Thing:\n      type: object\n',
      `    Thing:\n      type: object\n      discriminator:\n        propertyName: id\n        mapping:\n          one: ${url}/mapping.yaml\n`,
    );

it('the corpus sends the loopback server nothing', async () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'network-'));
  for (const entry of ['redocly.yaml', 'scripts/lint-rules', 'package.json', '.prettierrc.json'])
    fs.cpSync(path.join(repoRoot, entry), path.join(repo, entry), { recursive: true });
  const cases = fs.readdirSync(corpus).filter((n) => n !== 'README.md');
  let remote = 0;
  for (const name of [...cases, 'hidden-remote-refs']) {
    fs.rmSync(path.join(repo, 'openapi'), { recursive: true, force: true });
    fs.cpSync(
      path.join(corpus, name === 'hidden-remote-refs' ? 'valid-base' : name),
      path.join(repo, 'openapi'),
      {
        recursive: true,
      },
    );
    const root = path.join(repo, 'openapi/openapi.yaml');
    let text = fs.readFileSync(root, 'utf8');
    if (name === 'hidden-remote-refs') text = hidden(text, origin);
    if (/\/\/127\.0\.0\.1:9\//.test(text)) remote++;
    fs.writeFileSync(root, text.replace(/(https?):\/\/127\.0\.0\.1:9\//g, `${origin}/`));
    await runPipeline({ root: repo, stages, only: ['bundle'], cache: false, log: () => {} }).catch(
      () => undefined,
    );
  }
  expect(remote).toBeGreaterThanOrEqual(2);
  expect(requests).toEqual([]);

  // the server does record what reaches it
  await fetch(`${origin}/control`);
  expect(requests).toEqual(['GET /control']);
});
