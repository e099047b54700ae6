/**
 * The version rule of RELEASING.md as pure checks, each returning the problems it finds:
 * 1. every package of the fixed group has the same version, and it equals the spec's info.version;
 * 2. a breaking spec change (as `pnpm spec:diff` classifies it) ships only with a major bump;
 * 3. a spec change is described by a changeset (one sentence), unless the release is being cut.
 */
import type { PendingChangeset } from './changesets.ts';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

export function versionAgreementProblems(
  versions: Readonly<Record<string, string>>,
  infoVersion: string,
): string[] {
  const problems: string[] = [];
  if (!SEMVER.test(infoVersion))
    problems.push(`info.version "${infoVersion}" is not a semantic version such as 1.2.3`);
  for (const [name, version] of Object.entries(versions))
    if (version !== infoVersion)
      problems.push(
        `${name} is ${version} but the spec's info.version is ${infoVersion}: they must be equal (RELEASING.md). Run \`pnpm release:version\` instead of editing versions by hand.`,
      );
  return problems;
}

export interface BreakingInput {
  breaking: boolean;
  /** How the breaking change is acknowledged: a new major of info.version, or a major changeset. */
  acknowledgement?: string;
  /** `pnpm spec:diff`'s changelog, quoted in the problem. */
  changelog: string;
}

export function breakingChangeProblems(diff: BreakingInput): string[] {
  if (!diff.breaking || diff.acknowledgement) return [];
  const section = /## Breaking changes\n([\s\S]*?)(\n## |\n*$)/.exec(diff.changelog)?.[1]?.trim();
  return [
    `the spec has breaking changes but no major bump: add a changeset that says \`major\` (pnpm changeset); pnpm release:version then moves every package and info.version to the next major.\n${section ?? diff.changelog.trim()}`,
  ];
}

export interface ChangesetInput {
  changesets: readonly PendingChangeset[];
  /** Packages a changeset may name: the fixed group. */
  group: readonly string[];
  /** `pnpm spec:diff` found at least one change. */
  specChanged: boolean;
  /** info.version differs from the base: this change is the release itself. */
  versionChanged: boolean;
}

export function changesetProblems(input: ChangesetInput): string[] {
  const problems: string[] = [];
  for (const c of input.changesets) {
    if (!c.summary) problems.push(`${c.file} has no sentence: say what changes for app teams`);
    for (const r of c.releases)
      if (!input.group.includes(r.name))
        problems.push(`${c.file} names ${r.name}, which is not in the fixed group`);
  }
  if (input.specChanged && !input.changesets.length && !input.versionChanged)
    problems.push(
      'the spec changed but no changeset describes it: run `pnpm changeset` and write one plain sentence for app teams (or `pnpm changeset add --empty` when nothing they see changes).',
    );
  return problems;
}

/** The spec changelog (openapi/CHANGELOG.md) has a section for the current version. */
export function changelogProblems(changelog: string | undefined, infoVersion: string): string[] {
  if (changelog === undefined) return ['openapi/CHANGELOG.md is missing'];
  const heading = new RegExp(`^## ${infoVersion.replace(/[.+-]/g, '\\$&')}\\s*$`, 'm');
  return heading.test(changelog)
    ? []
    : [`openapi/CHANGELOG.md has no "## ${infoVersion}" section: pnpm release:version writes it`];
}
