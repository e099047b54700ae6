/**
 * Near misses: a (meant to be) valid value with exactly one thing broken at one place, picked by
 * the indices fast-check draws: a key removed or added, a value of another type, a string or
 * number nudged across a boundary, an array item duplicated or dropped.
 */
type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((acc, key) => (acc as Record<string | number, unknown>)[key], value);
}

const OTHER_TYPES: unknown[] = [null, 0, -1, 1.5, '', 'x', true, [], {}];
const STRING_TWEAKS: ((s: string) => string)[] = [
  () => '',
  (s) => `${s}x`,
  (s) => s.slice(0, -1),
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => `${s}\u{1F697}`,
  (s) => `${s}\n`,
  (s) => s.replace('T', ' '),
  (s) => s.replace(/Z$/, '+01'),
  (s) => s.replace(/Z$/, '+0100'),
  (s) => s.replace(/:(\d\d)$/, '$1'),
  (s) => `urn:uuid:${s}`,
  (s) => s.replace(/-/g, ''),
  (s) => s.replace(/^.*@/, '@'),
  (s) => ` ${s}`,
  (s) => s.replace(/\d/, 'a'),
  (s) => `${s.slice(0, 1)}${s}`,
];
const NUMBER_TWEAKS: ((n: number) => number)[] = [
  (n) => n + 1,
  (n) => n - 1,
  (n) => n + 0.5,
  (n) => -n,
  () => 0,
  () => 2 ** 53 + 2,
  (n) => n * 1e20,
];

/** One mutation of `value` chosen by three indices; deterministic for given indices. */
export function nearMiss(value: unknown, where: number, how: number, extra: number): unknown {
  const copy: unknown = structuredClone(value);
  const all = paths(copy);
  const path = all[where % all.length] as Path;
  const target = get(copy, path);
  const replace = (next: unknown): unknown => {
    if (path.length === 0) return next;
    const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path[path.length - 1] as string | number] = next;
    return copy;
  };
  const kind = how % 5;
  if (kind === 0 && path.length > 0 && !Array.isArray(get(copy, path.slice(0, -1)))) {
    delete (get(copy, path.slice(0, -1)) as Record<string, unknown>)[
      path[path.length - 1] as string
    ];
    return copy;
  }
  if (kind === 1 && target && typeof target === 'object' && !Array.isArray(target)) {
    (target as Record<string, unknown>)[`extra_${extra % 7}`] =
      OTHER_TYPES[extra % OTHER_TYPES.length];
    return copy;
  }
  if (kind === 2 && typeof target === 'string')
    return replace((STRING_TWEAKS[extra % STRING_TWEAKS.length] as (s: string) => string)(target));
  if (kind === 2 && typeof target === 'number')
    return replace((NUMBER_TWEAKS[extra % NUMBER_TWEAKS.length] as (n: number) => number)(target));
  if (kind === 3 && Array.isArray(target)) {
    if (extra % 3 === 0 && target.length > 0) target.push(structuredClone(target[0]));
    else if (extra % 3 === 1) target.pop();
    else target.length = 0;
    return copy;
  }
  return replace(OTHER_TYPES[extra % OTHER_TYPES.length]);
}
