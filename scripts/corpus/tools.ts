/**
 * One corpus spec through one tool, in a child process with a time limit: ours
 * (`pnpm generate --spec`), openapi-typescript (types) and Hey API (types + sdk + zod), each
 * followed by `tsc` with the same strict settings (scripts/spec-mode/support.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TSCONFIG } from '../spec-mode/support.ts';
import { typeCheckOut } from '../spec-mode/typecheck.ts';

export interface ToolRun {
  generated: boolean;
  /** Generation time (ms). */
  ms: number;
  /** tsc diagnostics (undefined when nothing was generated). */
  typeErrors?: number;
  firstTypeError?: string;
  warnings: number;
  /** Validators: component schemas skipped, and how many there are (ours only). */
  skipped?: number;
  /** Why generation failed: the first error line. */
  failure?: string;
  /** True when the child process died of an uncaught exception (a stack trace). */
  crashed?: boolean;
}

export const TOOLS = ['ours', 'openapi-typescript', 'hey-api'] as const;
export type Tool = (typeof TOOLS)[number];

const bin = (rel: string) => path.join(REPO_ROOT, 'node_modules', rel);

function command(tool: Tool, spec: string, out: string): string[] {
  switch (tool) {
    case 'ours':
      return [
        bin('tsx/dist/cli.mjs'),
        path.join(REPO_ROOT, 'scripts/generate.ts'),
        '--spec',
        spec,
        '--out',
        out,
      ];
    case 'openapi-typescript':
      return [bin('openapi-typescript/bin/cli.js'), spec, '-o', path.join(out, 'types.ts')];
    case 'hey-api':
      return [
        bin('@hey-api/openapi-ts/bin/run.js'),
        '-i',
        spec,
        '-o',
        out,
        '-p',
        '@hey-api/typescript',
        '@hey-api/sdk',
        'zod',
        '@hey-api/client-fetch',
        '--no-log-file',
      ];
  }
}

function firstError(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => /error|Error|failed/.test(l) && !l.startsWith('at ')) ??
    lines[0] ??
    'no output'
  ).slice(0, 200);
}

export function runTool(tool: Tool, spec: string, out: string, timeoutMs: number): ToolRun {
  fs.rmSync(out, { recursive: true, force: true });
  if (tool !== 'ours') fs.mkdirSync(out, { recursive: true });
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', ...command(tool, spec, out)],
    {
      // peers read a redocly.yaml in their working folder: give them an empty one, not ours
      cwd: tool === 'ours' ? REPO_ROOT : out,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = performance.now() - start;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) {
    const timedOut = result.error?.message.includes('ETIMEDOUT') || result.signal === 'SIGTERM';
    return {
      generated: false,
      ms,
      warnings: 0,
      failure: timedOut ? `timed out after ${timeoutMs / 1000} s` : firstError(output),
      crashed: /\n\s+at .+\(.+:\d+:\d+\)/.test(result.stderr ?? ''),
    };
  }
  let warnings = 0;
  let skipped: number | undefined;
  if (tool === 'ours') {
    const lines = fs
      .readFileSync(path.join(out, 'warnings.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    warnings = lines.length;
    skipped = lines.filter((l) => l.startsWith('validators: skipped #/components/schemas/')).length;
  } else {
    warnings = output.split('\n').filter((l) => /warn|⚠/i.test(l)).length;
    fs.writeFileSync(path.join(out, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module", "private": true }\n');
  }
  const checked = typeCheckOut(out, timeoutMs);
  return {
    generated: true,
    ms,
    typeErrors: checked.errors.length,
    ...(checked.errors[0] && { firstTypeError: checked.errors[0].slice(0, 200) }),
    warnings,
    ...(skipped !== undefined && { skipped }),
  };
}
