/**
 * `pnpm release:check`: builds and packs every publishable package, then runs publint,
 * arethetypeswrong and the contents check on each tarball. Prints one line per package and every
 * problem; exits 1 if there is any.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintPackage, problemCount, type LintReport } from './lint-package.ts';
import { packAll, type PackedPackage } from './packages.ts';

export interface CheckedPackage {
  packed: PackedPackage;
  report: LintReport;
}

/** Packs into `workDir` and lints each tarball. */
export async function checkPackages(workDir: string): Promise<CheckedPackage[]> {
  const checked: CheckedPackage[] = [];
  for (const packed of await packAll(workDir))
    checked.push({ packed, report: await lintPackage(packed) });
  return checked;
}

/** One block per package: `ok` or every problem, indented. */
export function formatCheck(checked: readonly CheckedPackage[]): string {
  return checked
    .map(({ packed, report }) => {
      const head = `${packed.manifest.name}@${packed.manifest.version}`;
      if (problemCount(report) === 0) return `ok   ${head}: publint, attw and contents clean`;
      const lines = Object.entries(report).flatMap(([tool, problems]: [string, string[]]) =>
        problems.map((p) => `  ${tool}: ${p.replace(/\n/g, '\n    ')}`),
      );
      return `FAIL ${head}\n${lines.join('\n')}`;
    })
    .join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-check-packages-'));
  try {
    const checked = await checkPackages(workDir);
    console.log(formatCheck(checked));
    process.exitCode = checked.some((c) => problemCount(c.report) > 0) ? 1 : 0;
  } catch (error) {
    console.error(`release:check: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
