// Watch mode regenerates on save, survives a broken save with a located error, keeps the last
// good output, and recovers on the next good save.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { watchPipeline } from '../../scripts/pipeline/watch.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('regenerates on save and survives a broken save', async () => {
  const repo = makeTempRepo();
  const lines: string[] = [];
  const watcher = await watchPipeline({
    root: repo,
    stages,
    only: ['bundle'],
    log: (l) => lines.push(l),
    debounceMs: 50,
  });
  try {
    const bundled = path.join(repo, 'generated/openapi.json');
    const title = () => JSON.parse(fs.readFileSync(bundled, 'utf8')).info.version as string;
    expect(title()).toBe('1.0.0');

    const root = path.join(repo, 'openapi/openapi.yaml');
    const good = fs.readFileSync(root, 'utf8');
    fs.writeFileSync(root, good.replace('version: 1.0.0', 'version: 1.1.0'));
    await until(() => title() === '1.1.0');

    lines.length = 0;
    fs.writeFileSync(path.join(repo, 'openapi/paths/presence.yaml'), 'put:\n  - [broken\n');
    await until(() => lines.some((l) => l.startsWith('keeping the last good output')));
    expect(
      lines.some((l) => /^openapi\/paths\/presence\.yaml:\d+:\d+ yaml-syntax .+ — /.test(l)),
    ).toBe(true);
    expect(title()).toBe('1.1.0');

    fs.writeFileSync(root, good.replace('version: 1.0.0', 'version: 1.2.0'));
    fs.writeFileSync(
      path.join(repo, 'openapi/paths/presence.yaml'),
      fs.readFileSync(path.join(repoRoot, 'openapi/paths/presence.yaml')),
    );
    await until(() => title() === '1.2.0');
  } finally {
    watcher.close();
  }
});
