/**
 * A stage's finished file as the pipeline holds it until the write: its text as UTF-8 bytes, off
 * the V8 heap. Held as strings, the 126 MB that GitHub's REST spec generates took about 250 MB of
 * the main thread's heap (353 MB live after the stages against 105 MB as bytes), and V8 lets a
 * heap grow in proportion to what is live. A worker thread hands the bytes over without a copy
 * (`transferable`). `content` decodes the bytes on each read, for the few readers that want text
 * (check mode, a stage that requires another, callers of runPipeline).
 */
import type { GeneratedFile } from './stage.ts';

export interface FinishedFile extends GeneratedFile {
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();
// Buffer's decoder, not TextDecoder's: it keeps a leading byte order mark
const decode = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/**
 * `fields` with a `content` made by `read` on each read: an own enumerable getter, so a spread
 * keeps the text (also the docs stage's lazily rendered pages).
 */
export function withContent<T extends object>(fields: T, read: () => string): T & GeneratedFile {
  return Object.defineProperty(fields, 'content', { enumerable: true, get: read }) as T &
    GeneratedFile;
}

/** `bytes` as a finished file; its `content` decodes them. */
export const finishedFile = (path: string, bytes: Uint8Array): FinishedFile =>
  withContent({ path, bytes }, () => decode(bytes));

/** `content` encoded once, into bytes that own their buffer (TextEncoder's, never Buffer's pool). */
export const finishedText = (path: string, content: string): FinishedFile =>
  finishedFile(path, encoder.encode(content));

/** A finished file as it crosses to another thread. */
export interface PlainFile {
  path: string;
  bytes: Uint8Array;
}

/** What crosses to another thread: path and bytes only (a clone would read `content` too). */
export const plainFile = ({ path, bytes }: FinishedFile): PlainFile => ({ path, bytes });

/** The buffers a message may transfer: each one a file's bytes span whole, each once. */
export function transferable(files: readonly { bytes: Uint8Array }[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { bytes } of files) {
    const { buffer } = bytes;
    if (
      buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === buffer.byteLength
    )
      buffers.add(buffer);
  }
  return [...buffers];
}
