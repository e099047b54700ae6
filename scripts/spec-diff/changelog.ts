/** Turns a diff report into a changelog an integrator can read, grouped by impact. */
import type { DiffChange, DiffReport, Impact } from './run-diff.ts';

const HEADINGS: Record<Impact, string> = {
  major: 'Breaking changes',
  minor: 'Additions',
  patch: 'Other changes',
};

/** `#/paths/~1shops/get/parameters/0` -> `GET /shops parameters/0`; schema paths read as fields. */
export function where(pointer: string): string {
  const parts = pointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let head = parts.join('/');
  let rest: string[] = [];
  if (parts[0] === 'paths' && parts[1]) {
    const [, route, method, ...tail] = parts;
    const isMethod =
      method !== undefined && /^(get|put|post|delete|options|head|patch|trace)$/.test(method);
    head = isMethod ? `${method.toUpperCase()} ${route}` : route!;
    rest = isMethod ? tail : [method ?? '', ...tail].filter(Boolean);
  } else if (parts[0] === 'components') {
    head = parts.slice(0, 3).join('.');
    rest = parts.slice(3);
  }
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const part = rest[i]!;
    if (part === 'requestBody' && rest[i + 1] === 'content' && rest[i + 3] === 'schema')
      (words.push('request body'), (i += 3));
    else if (part === 'responses' && rest[i + 2] === 'content' && rest[i + 4] === 'schema')
      (words.push(`response ${rest[i + 1]}`), (i += 4));
    else if (part === 'properties' && rest[i + 1] !== undefined) words.push(`.${rest[++i]}`);
    else if (part === 'items') words.push('[]');
    else words.push(part);
  }
  const text = words.join(' ').replace(/ \[\]/g, '[]');
  return text ? `${head} ${text.trim()}` : head;
}

function line(change: DiffChange): string {
  const messages = change.verdicts.filter((v) => v.impact === change.impact).map((v) => v.message);
  const text = messages.length
    ? messages.join(' ')
    : `${change.kind}${change.property ? ` \`${change.property}\`` : ''}`;
  return `- ${where(change.path)}: ${text}`;
}

export function formatChangelog(report: DiffReport): string {
  if (!report.changes.length) return 'No changes to the API.\n';
  const out: string[] = [
    `Spec ${report.infoVersions.base} -> ${report.infoVersions.revision}: ${report.summary.major} breaking, ${report.summary.minor} additions, ${report.summary.patch} other.`,
  ];
  for (const impact of ['major', 'minor', 'patch'] as const) {
    const changes = report.changes.filter((c) => c.impact === impact);
    if (!changes.length) continue;
    out.push('', `## ${HEADINGS[impact]}`, ...changes.map(line));
  }
  return `${out.join('\n')}\n`;
}
