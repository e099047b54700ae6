// pnpm spec:diff classifies each kind of change (Redocly's diff rules), prints a readable
// changelog, and blocks unacknowledged breaking changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgedBy } from '../../scripts/spec-diff/acknowledge.ts';
import { formatChangelog } from '../../scripts/spec-diff/changelog.ts';
import { specDiff } from '../../scripts/spec-diff/index.ts';
import { runRedoclyDiff } from '../../scripts/spec-diff/run-diff.ts';
import { loadBundledSpec, repoRoot } from '../support/spec.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

// Mutations reach deep into the document; a loose type keeps them readable.
type Doc = any;
const base = loadBundledSpec();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-diff-'));
const baseFile = path.join(dir, 'base.json');
fs.writeFileSync(baseFile, JSON.stringify(base));

function classify(mutate: (doc: Doc) => void) {
  const doc = structuredClone(base) as Doc;
  mutate(doc);
  const file = path.join(dir, `rev-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  return runRedoclyDiff(repoRoot, baseFile, file);
}
const schemas = (d: Doc) => d.components.schemas;

// [what changed, mutation, expected bump]
const cases: [string, (d: Doc) => void, 'major' | 'minor' | 'patch'][] = [
  ['removed operation', (d) => delete d.paths['/presence'].put, 'major'],
  ['removed parameter', (d) => d.paths['/shops'].get.parameters.shift(), 'major'],
  [
    'removed response property',
    (d) => {
      delete schemas(d).PresenceResponse.properties.queued_delivered;
      schemas(d).PresenceResponse.required = ['status'];
    },
    'major',
  ],
  [
    'removed enum value from a request',
    (d) => (schemas(d).PresenceRequest.properties.status.enum = ['online']),
    'major',
  ],
  [
    'parameter newly required',
    (d) => (d.paths['/profile/check-username'].get.parameters[0].required = true),
    'major',
  ],
  [
    'property newly required in a request',
    (d) => schemas(d).VehicleCreate.required.push('nickname'),
    'major',
  ],
  [
    'narrowed type',
    (d) => (schemas(d).RateBookingRequest.properties.service_rating.type = 'integer'),
    'major',
  ],
  [
    'narrowed range',
    (d) => (schemas(d).RateBookingRequest.properties.service_rating.maximum = 4),
    'major',
  ],
  [
    'changed auth (optional to required bearer)',
    (d) => (d.paths['/shops'].get.security = [{ bearerAuth: [] }]),
    'major',
  ],
  [
    'changed auth (public to api key)',
    (d) => (d.paths['/booking-statuses'].get.security = [{ apiKeyAuth: [] }]),
    'major',
  ],
  [
    'changed success status',
    (d) => {
      const r = d.paths['/auth/sign-up'].post.responses;
      r['200'] = r['201'];
      delete r['201'];
    },
    'major',
  ],
  [
    'added optional response property',
    (d) => (schemas(d).Booking.properties.note = { type: 'string' }),
    'minor',
  ],
  [
    'added operation',
    (d) =>
      (d.paths['/ping'] = { get: { ...d.paths['/booking-statuses'].get, operationId: 'ping' } }),
    'minor',
  ],
  // Direction matters: a response that can carry fewer enum values breaks no client.
  [
    'removed enum value from a response only',
    (d) => (schemas(d).PresenceResponse.properties.status.enum = ['online']),
    'patch',
  ],
];

describe('change classification', () => {
  it.each(cases)('%s -> %s bump', (_name, mutate, bump) => {
    expect(classify(mutate).bump).toBe(bump);
  });

  it('an unchanged spec has no changes', () => {
    expect(classify(() => {}).changes).toEqual([]);
  });
});

describe('changelog', () => {
  it('groups changes under Breaking / Additions and names the operation and field', () => {
    const report = classify((d) => {
      schemas(d).PresenceRequest.properties.status.enum = ['online'];
      schemas(d).Booking.properties.note = { type: 'string' };
    });
    const text = formatChangelog(report);
    expect(text).toMatch(
      /## Breaking changes\n- PUT \/presence request body \.status: Enum of `status` lost values: 'offline'\./,
    );
    expect(text).toMatch(/## Additions\n- GET \/bookings/);
  });
});

describe('acknowledgement', () => {
  it('accepts a major bump of info.version or a major changeset, nothing else', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-'));
    expect(acknowledgedBy(root, '1.4.0', '2.0.0')).toMatch(/info.version 1.4.0 -> 2.0.0/);
    expect(acknowledgedBy(root, '1.4.0', '1.5.0')).toBeUndefined();
    fs.mkdirSync(path.join(root, '.changeset'));
    fs.writeFileSync(
      path.join(root, '.changeset/cool.md'),
      "---\n'@minbil/car-owner-client': minor\n---\n\nAdds things.\n",
    );
    expect(acknowledgedBy(root, '1.4.0', '1.4.0')).toBeUndefined();
    fs.writeFileSync(
      path.join(root, '.changeset/bold.md'),
      "---\n'@minbil/car-owner-client': major\n---\n\nRemoves PUT /presence.\n",
    );
    expect(acknowledgedBy(root, '1.4.0', '1.4.0')).toBe('changeset .changeset/bold.md');
  });
});

describe('specDiff on a working tree', () => {
  it('reports an edit of the split source as breaking until info.version gets a new major', async () => {
    const repo = makeTempRepo();
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(repo, 'node_modules'));
    fs.cpSync(path.join(repoRoot, 'scripts/spec-diff'), path.join(repo, 'scripts/spec-diff'), {
      recursive: true,
    });
    const edit = (file: string, from: string | RegExp, to: string) => {
      const full = path.join(repo, file);
      fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(from, to));
    };
    edit('openapi/components/schemas/PresenceRequest.yaml', /\n\s+- offline\n/, '\n');
    const first = await specDiff(repo, JSON.stringify(base));
    expect(first.changelog).toMatch(/## Breaking changes\n- PUT \/presence request body \.status/);
    expect(first.breaking).toBe(true);
    expect(first.acknowledgement).toBeUndefined();

    edit('openapi/openapi.yaml', /version: 1\.\d+\.\d+/, 'version: 2.0.0');
    const second = await specDiff(repo, JSON.stringify(base));
    expect(second.breaking).toBe(true);
    expect(second.acknowledgement).toBe('info.version 1.0.0 -> 2.0.0');
  });
});
