/**
 * Under `--watch`, a large TypeScript file made of interfaces (openapi-typescript's `paths`,
 * `components`, `operations`: 165 KB on Car Owner) is formatted member by member instead of
 * whole, each member's formatted text kept in memory for the next run. A one-property edit then
 * re-formats the one member it touched (one path, one operation, one component schema) instead
 * of the whole file: Prettier over Car Owner's whole `openapi.ts` was most of the client-types
 * stage on every save.
 *
 * Prettier prints interface members independently (one per line, each with its own comments),
 * so a member formatted inside a stand-in interface at the same depth gives the same lines as in
 * the whole file; `test/pipeline/format-members.test.ts` compares both on every generated file.
 * The file is cut as the TypeScript printer writes it (four-space indents, no blank lines inside
 * an interface); anything else (a blank line, a line the scanner does not expect) returns
 * undefined and the file is formatted whole.
 */

/** Files from this size on are cut into members. */
export const MEMBER_SPLIT_BYTES = 32 * 1024;
/** A member with more lines than this (e.g. `components.schemas`) is cut into its own members. */
const NESTED_SPLIT_LINES = 200;

type Format = (text: string) => Promise<string>;

/**
 * Last run's formatted text per stand-in text, replaced by each run's own; undefined outside
 * `--watch`, where a one-shot run formats the file whole (cut into members, a cold run takes
 * about 20% longer: more, smaller Prettier calls).
 */
let kept: Map<string, string> | undefined;

export function keepMembersBetweenRuns(): void {
  kept ??= new Map();
}

/**
 * Splits `lines` (one interface body, or one member's body) into members: a member ends at a line
 * ending in `;` with every bracket closed outside strings and comments.
 */
function members(lines: string[], indent: string): string[][] | undefined {
  const out: string[][] = [];
  let current: string[] = [];
  let depth = 0;
  let inComment = false;
  for (const line of lines) {
    if (!line.startsWith(indent) || line.trim() === '') return undefined;
    if (current.length === 0 && /^\s/.test(line.slice(indent.length))) return undefined;
    current.push(line);
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (inComment) {
        if (ch === '*' && line[i + 1] === '/') {
          inComment = false;
          i++;
        }
      } else if (ch === '/' && line[i + 1] === '*') {
        inComment = true;
        i++;
      } else if (ch === '/' && line[i + 1] === '/') break;
      else if (ch === '"' || ch === "'" || ch === '`') {
        for (i++; i < line.length && line[i] !== ch; i++) if (line[i] === '\\') i++;
        if (i >= line.length) return undefined; // a string across lines: not the printer's output
      } else if (ch === '{' || ch === '[' || ch === '(') depth++;
      else if (ch === '}' || ch === ']' || ch === ')') depth--;
    }
    if (depth < 0) return undefined;
    if (!inComment && depth === 0 && line.trimEnd().endsWith(';')) {
      out.push(current);
      current = [];
    }
  }
  return current.length === 0 && !inComment ? out : undefined;
}

async function formatKept(text: string, format: Format, used: Map<string, string>) {
  const formatted = kept?.get(text) ?? used.get(text) ?? (await format(text));
  used.set(text, formatted);
  return formatted;
}

/** The formatted lines of `member` (at `depth` 1 or 2 inside interfaces). */
async function formatMember(
  member: string[],
  format: Format,
  used: Map<string, string>,
): Promise<string | undefined> {
  const nested =
    member.length > NESTED_SPLIT_LINES &&
    /^ {4}\S.*: \{$/.test(member[0]!) &&
    member.at(-1) === '    };'
      ? members(member.slice(1, -1), ' '.repeat(8))
      : undefined;
  if (!nested) {
    const text = await formatKept(`interface X {\n${member.join('\n')}\n}\n`, format, used);
    return strip(text, 1);
  }
  // the member's own first and last lines, then each of its members inside two stand-ins
  const frame = strip(
    await formatKept(
      `interface X {\n${member[0]}\n        __member__: never;\n${member.at(-1)}\n}\n`,
      format,
      used,
    ),
    1,
  );
  const [open, placeholder, close, ...rest] = frame?.split('\n') ?? [];
  if (placeholder !== '    __member__: never;' || close === undefined || rest.length)
    return undefined;
  const inner: string[] = [];
  for (const m of nested) {
    const text = await formatKept(
      `interface X {\n    k: {\n${m.join('\n')}\n    };\n}\n`,
      format,
      used,
    );
    const lines = strip(text, 2);
    if (lines === undefined) return undefined;
    inner.push(lines);
  }
  return [open, ...inner, close].join('\n');
}

/** The lines of a formatted stand-in without its `depth` opening and closing lines. */
function strip(text: string, depth: number): string | undefined {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 2 * depth + 1) return undefined;
  if (lines[0] !== 'interface X {' || lines.at(-1) !== '}') return undefined;
  if (depth === 2 && (lines[1] !== '  k: {' || lines.at(-2) !== '  };')) return undefined;
  return lines.slice(depth, -depth).join('\n');
}

/** `text` formatted member by member, or undefined when it is not cut (see the module comment). */
export async function formatByMembers(text: string, format: Format): Promise<string | undefined> {
  if (!kept || text.length < MEMBER_SPLIT_BYTES) return undefined;
  const lines = text.split('\n');
  const skeleton: string[] = [];
  const bodies: string[][][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    skeleton.push(line);
    if (!/^export interface [\w$]+ \{$/.test(line)) continue;
    const end = lines.indexOf('}', i + 1);
    if (end < 0) return undefined;
    const body = members(lines.slice(i + 1, end), '    ');
    if (!body) return undefined;
    if (body.length) {
      skeleton.push(`    __members${bodies.length}__: never;`);
      bodies.push(body);
    }
    skeleton.push('}');
    i = end;
  }
  if (bodies.length === 0) return undefined;
  const used = new Map<string, string>();
  let out = await format(skeleton.join('\n'));
  for (const [n, body] of bodies.entries()) {
    const formatted: string[] = [];
    for (const member of body) {
      const lines = await formatMember(member, format, used);
      if (lines === undefined) return undefined;
      formatted.push(lines);
    }
    const placeholder = `\n  __members${n}__: never;\n`;
    if (out.split(placeholder).length !== 2) return undefined;
    out = out.replace(placeholder, () => `\n${formatted.join('\n')}\n`);
  }
  kept = used;
  return out;
}
