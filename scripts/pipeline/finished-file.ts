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

/** `bytes` as a finished file; `content` is an own enumerable getter, so a spread keeps it. */
export function finishedFile(path: string, bytes: Uint8Array): FinishedFile {
  return Object.defineProperty({ path, bytes }, 'content', {
    enumerable: true,
    get: () => decode(bytes),
  }) as FinishedFile;
}

/** `content` encoded once, into bytes that own their buffer (TextEncoder's, never Buffer's pool). */
export const finishedText = (path: string, content: string): FinishedFile =>
  finishedFile(path, encoder.encode(content));

/** What crosses to another thread: path and bytes only (a clone would read `content` too). */
export const plainFile = ({ path, bytes }: FinishedFile) => ({ path, bytes });

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
