/** The bundled spec as it was at another git ref. */
import { execFileSync } from 'node:child_process';

const git = (root: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/** Default base: the merge base with `main` (or `origin/main`); HEAD when neither exists. */
export function defaultBaseRef(root: string): string {
  for (const branch of ['main', 'origin/main']) {
    try {
      return git(root, 'merge-base', 'HEAD', branch);
    } catch {
      // try the next candidate
    }
  }
  return 'HEAD';
}

export function bundledSpecAt(root: string, ref: string): string {
  try {
    git(root, 'rev-parse', '--verify', `${ref}^{commit}`);
  } catch {
    throw new Error(`unknown git ref "${ref}". Pass a branch, tag or commit: pnpm spec:diff main`);
  }
  try {
    return git(root, 'show', `${ref}:generated/openapi.json`);
  } catch {
    throw new Error(
      `${ref} has no generated/openapi.json to compare with. Pick a ref where pnpm generate had run.`,
    );
  }
}
