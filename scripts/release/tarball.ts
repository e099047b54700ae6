/** Reads the file list of a `.tgz` npm tarball (ustar), without extracting it. */
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  /** Path inside the package, without the leading `package/`. */
  path: string;
  bytes: number;
}

const text = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0[\s\S]*$/, '');

/** Regular files in the tarball, in archive order. */
export function readTarball(file: string): TarEntry[] {
  const tar = gunzipSync(fs.readFileSync(file));
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    const name = text(header, 0, 100);
    if (!name) break; // two zero blocks end the archive
    const bytes = parseInt(text(header, 124, 12).trim() || '0', 8);
    const prefix = text(header, 345, 155);
    const type = text(header, 156, 1);
    const full = prefix ? `${prefix}/${name}` : name;
    if (type === '0' || type === '') entries.push({ path: full.replace(/^package\//, ''), bytes });
    offset += 512 + Math.ceil(bytes / 512) * 512;
  }
  return entries;
}
