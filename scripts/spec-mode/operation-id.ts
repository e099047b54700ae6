/**
 * operationIds for operations that lack one, and unique ones where the spec repeats one.
 *
 * Rule (Hey API's, so ids match what its users already see): camelCase of the method followed by
 * the path's segments, each `{param}` read as `By` + param:
 *   GET /users/{id}/pets      -> getUsersByIdPets
 *   POST /                    -> post
 *   DELETE /v1/cars/{car-id}  -> deleteV1CarsByCarId
 * When that id (or a repeated one) is already taken, `2`, `3`, … is appended in document order
 * (paths, then methods in the order the spec lists them), so the same spec always gets the same ids.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function deriveOperationId(method: string, pathTemplate: string): string {
  const parts: string[] = [method.toLowerCase()];
  for (const segment of pathTemplate.split('/')) {
    const text = segment.replace(/\{([^}]*)\}/g, ' by $1 ');
    parts.push(...words(text));
  }
  const [first, ...rest] = parts;
  let id = first! + rest.map(cap).join('');
  if (/^[0-9]/.test(id)) id = `op${cap(id)}`;
  return id;
}

export interface OperationIdChange {
  pointer: string;
  from?: string;
  to: string;
}

/** Fills in missing operationIds and renames repeats; returns what changed (mutates `paths`). */
export function assignOperationIds(
  paths: Record<string, unknown> | undefined,
): OperationIdChange[] {
  const changes: OperationIdChange[] = [];
  if (!paths) return changes;
  const ops: { pointer: string; op: Record<string, unknown>; method: string; path: string }[] = [];
  for (const [p, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const [method, op] of Object.entries(item as Record<string, unknown>)) {
      if (!(METHODS as readonly string[]).includes(method) || !op || typeof op !== 'object')
        continue;
      const pointer = `#/paths/${p.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
      ops.push({ pointer, op: op as Record<string, unknown>, method, path: p });
    }
  }
  const taken = new Set<string>();
  const given = (op: Record<string, unknown>) =>
    typeof op.operationId === 'string' && op.operationId.trim() ? op.operationId : undefined;
  // the spec's own ids win over derived ones: claim them first (first occurrence only)
  const repeats = new Set<Record<string, unknown>>();
  for (const { op } of ops) {
    const id = given(op);
    if (id === undefined) continue;
    if (taken.has(id)) repeats.add(op);
    else taken.add(id);
  }
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    return id;
  };
  for (const { pointer, op, method, path } of ops) {
    const id = given(op);
    if (id !== undefined && !repeats.has(op)) continue;
    const to = unique(id ?? deriveOperationId(method, path));
    op.operationId = to;
    changes.push({ pointer, ...(id !== undefined && { from: id }), to });
  }
  return changes;
}
