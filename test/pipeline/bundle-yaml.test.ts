/**
 * Under `--watch` the bundle stage prints `generated/openapi.yaml` entry by entry and keeps each
 * entry's text for the next run (scripts/stages/bundle/yaml.ts). The file must be exactly what one `stringify` of
 * the whole document prints, on every spec fixture, on awkward keys and values, and after edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundleYaml } from '../../scripts/stages/bundle/yaml.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const whole = (doc: unknown) => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
const read = (file: string): Record<string, unknown> => {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
};
const SPECS = [
  'generated/openapi.json',
  ...fs
    .readdirSync(path.join(REPO, 'test/fixtures/features'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `test/fixtures/features/${f}`),
  ...fs
    .readdirSync(path.join(REPO, 'test/fixtures/corpus'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `test/fixtures/corpus/${f}`),
];

describe('bundle YAML printed entry by entry', () => {
  it.each(SPECS)('is one stringify of the whole document: %s', (file) => {
    const doc = read(file);
    expect(bundleYaml(doc, true)).toBe(whole(doc));
  });

  it('is one stringify on awkward keys, empty maps and multi-line strings', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'a: b', description: 'line 1\n  indented line\n\ttab\n', version: '1' },
      paths: {
        '/a/{id}': { get: { responses: { '200': { description: '' } } } },
        "/b:c#d'e": {},
        '/c': { summary: ' leading space', description: '- looks like a list\n' },
      },
      webhooks: {},
      components: {
        schemas: {
          'x.y-z': {
            type: 'object',
            properties: { '': { const: null }, '? k': { enum: [1, '1'] } },
          },
          Empty: {},
          List: { type: 'array', items: [{ a: [[], {}] }] },
        },
        responses: {},
        'x-extension': { nested: { deep: true } },
        examples: { Text: { value: '|\n  block\n' } },
      },
      'x-tail': [null, true, 1.5e300, '2026-12-01', 'yes', '0x1F'],
    };
    expect(bundleYaml(doc, true)).toBe(whole(doc));
  });

  it('follows edits between runs, and going back prints the first text again', () => {
    const doc = read('generated/openapi.json') as {
      components: { schemas: Record<string, { description?: string }> };
      paths: Record<string, unknown>;
    };
    const first = bundleYaml(doc, true);
    const [name] = Object.keys(doc.components.schemas);
    const schema = doc.components.schemas[name!]!;
    const original = schema.description;
    schema.description = 'Edited between two runs.';
    const [route] = Object.keys(doc.paths);
    const item = doc.paths[route!];
    delete doc.paths[route!];
    const edited = bundleYaml(doc, true);
    expect(edited).toBe(whole(doc));
    expect(edited).toContain('Edited between two runs.');
    schema.description = original;
    doc.paths = { [route!]: item, ...doc.paths };
    expect(bundleYaml(doc, true)).toBe(first);
  });
});
