// Output is written atomically: a failing or killed run never leaves a half-written folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderStages } from '../../scripts/pipeline/orchestrator.ts';
import {
  JOURNAL,
  readTree,
  recoverInterruptedRun,
  writeTree,
} from '../../scripts/pipeline/write-tree.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'write-tree-'));

describe('writeTree', () => {
  it('replaces an owned folder with exactly the new files', () => {
    const root = tmp();
    writeTree(
      root,
      ['out'],
      [
        { path: 'out/a.txt', content: 'A1' },
        { path: 'out/old.txt', content: 'gone soon' },
      ],
    );
    writeTree(
      root,
      ['out'],
      [
        { path: 'out/a.txt', content: 'A2' },
        { path: 'out/sub/b.txt', content: 'B' },
      ],
    );
    expect(Object.fromEntries(readTree(root, 'out'))).toEqual({
      'out/a.txt': 'A2',
      'out/sub/b.txt': 'B',
    });
    expect(fs.readdirSync(root)).toEqual(['out']);
  });

  it('leaves the previous output untouched when writing fails', () => {
    const root = tmp();
    writeTree(root, ['out'], [{ path: 'out/a.txt', content: 'good' }]);
    // a file path that collides with a folder path cannot be written
    expect(() =>
      writeTree(
        root,
        ['out'],
        [
          { path: 'out/x', content: '1' },
          { path: 'out/x/y', content: '2' },
        ],
      ),
    ).toThrow();
    expect(Object.fromEntries(readTree(root, 'out'))).toEqual({ 'out/a.txt': 'good' });
    expect(fs.readdirSync(root)).toEqual(['out']);
  });

  it('recovers from a run killed between its two renames', () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, '.generate-old-out-123'));
    fs.writeFileSync(path.join(root, '.generate-old-out-123/a.txt'), 'last good');
    fs.mkdirSync(path.join(root, '.generate-tmp-out-123'));
    fs.writeFileSync(path.join(root, '.generate-tmp-out-123/a.txt'), 'half');
    recoverInterruptedRun(root, ['out']);
    expect(Object.fromEntries(readTree(root, 'out'))).toEqual({ 'out/a.txt': 'last good' });
    expect(fs.readdirSync(root)).toEqual(['out']);
  });
});

describe('the swap journal', () => {
  const setUp = () => {
    const root = tmp();
    writeTree(
      root,
      ['a', 'b'],
      [
        { path: 'a/x.txt', content: 'old a' },
        { path: 'b/x.txt', content: 'old b' },
      ],
    );
    return root;
  };

  it('a kill after the journal is finished forward: both folders new', () => {
    const root = setUp();
    // killed mid-swap: `a` already swapped in, `b` still old, its new version staged
    expect(() =>
      writeTree(
        root,
        ['a', 'b'],
        [
          { path: 'a/x.txt', content: 'new a' },
          { path: 'b/x.txt', content: 'new b' },
        ],
        (step) => {
          if (step === 'swapped in a') throw new Error('killed');
        },
      ),
    ).toThrow('killed');
    expect(fs.existsSync(path.join(root, JOURNAL))).toBe(true);
    recoverInterruptedRun(root, ['a', 'b']);
    expect(Object.fromEntries([...readTree(root, 'a'), ...readTree(root, 'b')])).toEqual({
      'a/x.txt': 'new a',
      'b/x.txt': 'new b',
    });
    expect(fs.readdirSync(root).sort()).toEqual(['a', 'b']);
  });

  it('a kill before the journal is undone: both folders old', () => {
    const root = setUp();
    expect(() =>
      writeTree(
        root,
        ['a', 'b'],
        [
          { path: 'a/x.txt', content: 'new a' },
          { path: 'b/x.txt', content: 'new b' },
        ],
        (step) => {
          if (step === 'staged b') throw new Error('killed');
        },
      ),
    ).toThrow('killed');
    recoverInterruptedRun(root, ['a', 'b']);
    expect(Object.fromEntries([...readTree(root, 'a'), ...readTree(root, 'b')])).toEqual({
      'a/x.txt': 'old a',
      'b/x.txt': 'old b',
    });
    expect(fs.readdirSync(root).sort()).toEqual(['a', 'b']);
  });
});

describe('orderStages', () => {
  const stage = (name: string, requires: string[] = []) => ({
    name,
    requires,
    owns: [],
    run: () => [],
  });
  it('puts required stages first and rejects cycles and unknown stages', () => {
    expect(orderStages([stage('docs', ['types']), stage('types')]).map((s) => s.name)).toEqual([
      'types',
      'docs',
    ]);
    expect(() => orderStages([stage('a', ['b']), stage('b', ['a'])])).toThrow(/cycle/);
    expect(() => orderStages([stage('a', ['nope'])])).toThrow(/unknown stage nope/);
  });
});
