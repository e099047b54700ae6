// The confinement check sits in front of Redocly's loader: a blocked location is refused before it
// is opened (a FIFO outside the folder would block any read) or fetched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalErrorLine, StageFailure } from '../../scripts/pipeline/internal-error.ts';
import {
  blockedReason,
  ConfinedResolver,
  createRefPolicy,
} from '../../scripts/pipeline/ref-confinement.ts';

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'confine-'));
const specDir = path.join(top, 'spec');
fs.mkdirSync(specDir);
fs.writeFileSync(path.join(specDir, 'openapi.yaml'), 'openapi: 3.1.0\n');
const policy = createRefPolicy(path.join(specDir, 'openapi.yaml'));

describe('ConfinedResolver', () => {
  it('refuses a file outside the folder without opening it', async () => {
    const fifo = path.join(top, 'outside.fifo');
    execFileSync('mkfifo', [fifo]);
    const resolver = new ConfinedResolver(policy);
    await expect(resolver.loadExternalRef(fifo)).rejects.toThrow(
      /ref-outside-root: .*outside\.fifo is outside the spec's folder/,
    );
  });

  it('refuses a URL without a request', async () => {
    let requests = 0;
    const server = http.createServer((_, res) => {
      requests++;
      res.end('type: object\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.yaml`;
    try {
      await expect(new ConfinedResolver(policy).loadExternalRef(url)).rejects.toThrow(
        /is a network location/,
      );
      expect(requests).toBe(0);
      // an allowed prefix is fetched
      const allowed = createRefPolicy(path.join(specDir, 'openapi.yaml'), [
        url.replace('x.yaml', ''),
      ]);
      const source = await new ConfinedResolver(allowed).loadExternalRef(url);
      expect(source.body).toBe('type: object\n');
      expect(requests).toBe(1);
    } finally {
      server.close();
    }
  });

  it('reads a file inside the folder, and judges symlinks by their target', async () => {
    const inside = path.join(specDir, 'Thing.yaml');
    fs.writeFileSync(inside, 'type: object\n');
    expect((await new ConfinedResolver(policy).loadExternalRef(inside)).body).toBe(
      'type: object\n',
    );
    fs.writeFileSync(path.join(top, 'target.yaml'), 'type: string\n');
    fs.symlinkSync(path.join(top, 'target.yaml'), path.join(specDir, 'link.yaml'));
    expect(blockedReason(policy, path.join(specDir, 'link.yaml'))).toMatch(/through a symlink/);
    expect(blockedReason(policy, 'file:///etc/passwd')).toMatch(/outside/);
  });
});

it('an unexpected exception is one line naming the stage and asking for a report', () => {
  const line = internalErrorLine(
    new StageFailure('validators', new RangeError('Invalid string length')),
  );
  expect(line).toBe(
    'pnpm generate: internal error in stage validators: RangeError: Invalid string length — this is a bug in the toolchain, not in your spec; please report it with the spec that triggers it (MINBIL_DEBUG=1 prints the stack)',
  );
  expect(line).not.toContain('\n');
});
