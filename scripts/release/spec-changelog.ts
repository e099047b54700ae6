/**
 * `openapi/CHANGELOG.md`: the spec's changelog, one section per release, newest first, written
 * from the changesets a release consumes (the same sentences the package CHANGELOGs get).
 */
import fs from 'node:fs';
import { largestBump, type Bump, type PendingChangeset } from './changesets.ts';

export const SPEC_CHANGELOG = 'openapi/CHANGELOG.md';

const HEADINGS: Record<Bump, string> = {
  major: 'Breaking changes',
  minor: 'Additions',
  patch: 'Fixes',
};

/** The section for one release; a changeset counts at the largest bump it names. */
export function releaseSection(version: string, changesets: readonly PendingChangeset[]): string {
  const out = [`## ${version}`];
  for (const bump of ['major', 'minor', 'patch'] as const) {
    const lines = changesets
      .filter((c) => c.summary && largestBump([c]) === bump)
      .map((c) => `- ${c.summary.replace(/\s*\n\s*/g, ' ')}`);
    if (lines.length) out.push('', `### ${HEADINGS[bump]}`, '', ...lines);
  }
  if (out.length === 1) out.push('', 'No changes to the API or the packages.');
  return `${out.join('\n')}\n`;
}

/** Inserts `section` above the newest release (after the title and intro), keeping the rest. */
export function prependSection(file: string, section: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Changelog\n';
  const at = text.search(/^## /m);
  const next =
    at === -1
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, at)}${section}\n${text.slice(at)}`;
  fs.writeFileSync(file, next);
}
