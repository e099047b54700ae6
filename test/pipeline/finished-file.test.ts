// A finished file keeps its text as bytes: what is written, hashed and read back as `content` is
// exactly the text the stage produced, and a worker hands the bytes over without a copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../scripts/pipeline/cache.ts';
import {
  finishedFile,
  finishedText,
  plainFile,
  transferable,
} from '../../scripts/pipeline/finished-file.ts';
import { writeTree } from '../../scripts/pipeline/write-tree.ts';

const TEXTS = [
  'plain ASCII\n',
  '\uFEFFa leading byte order mark stays\n',
  'Bærum, Tromsø — “quoted” … 🚗\n',
  'a lone surrogate \uD800 becomes U+FFFD, as fs.writeFileSync writes it\n',
  '',
];

describe('finished files', () => {
  it('read back, write and hash as the text they were made from', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-finished-'));
    for (const [i, text] of TEXTS.entries()) {
      const file = finishedText(`out/${i}.txt`, text);
      fs.writeFileSync(path.join(dir, `${i}.direct`), text);
      const direct = fs.readFileSync(path.join(dir, `${i}.direct`));
      expect(Buffer.from(file.bytes)).toEqual(direct);
      expect(file.content).toBe(direct.toString('utf8'));
      expect(sha256(Buffer.from(file.bytes))).toBe(sha256(text));
      // a spread (spec mode places files under another folder) keeps the text
      expect({ ...file, path: 'elsewhere' }.content).toBe(file.content);
    }
    writeTree(
      dir,
      ['out'],
      TEXTS.map((t, i) => finishedText(`out/${i}.txt`, t)),
    );
    for (const [i, text] of TEXTS.entries())
      expect(fs.readFileSync(path.join(dir, `out/${i}.txt`), 'utf8')).toBe(
        Buffer.from(text, 'utf8').toString('utf8'),
      );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cross to another thread as path and bytes, moved rather than copied', () => {
    const files = TEXTS.map((t, i) => finishedText(`out/${i}.txt`, t));
    const want = files.map((f) => f.content);
    const sent = files.map(plainFile);
    expect(Object.keys(sent[0]!)).toEqual(['path', 'bytes']); // no decoded copy of the text
    const received = structuredClone(sent, { transfer: transferable(files) });
    expect(files.every((f) => f.bytes.byteLength === 0)).toBe(true); // the sender's are detached
    expect(received.map((f) => finishedFile(f.path, f.bytes).content)).toEqual(want);
  });

  it('transfers only buffers a file spans whole, each once', () => {
    const pooled = Buffer.from('small'); // a view into Buffer's shared pool
    const whole = new Uint8Array([104, 105]);
    const shared = new Uint8Array(new ArrayBuffer(4), 0, 4);
    const list = transferable([
      { bytes: pooled },
      { bytes: whole },
      { bytes: whole },
      { bytes: new Uint8Array(shared.buffer, 0, 2) },
      { bytes: shared },
    ]);
    expect(list).toEqual([whole.buffer, shared.buffer]);
    expect(list).not.toContain(pooled.buffer);
  });
});
