/**
 * The imports one generated module needs, collected while its schemas are emitted. Paths are
 * relative to the package's `src/` folder; `render` turns them into specifiers relative to the
 * module, sorted so output is deterministic.
 */
import { posix } from 'node:path';
import ts from '../../pipeline/typescript-cjs.js';

const f = ts.factory;

export class ImportSet {
  readonly #named = new Map<string, Set<string>>();
  readonly #from: string;
  readonly mini: boolean;
  /** Whether the module names `z.ZodType`/`z.ZodMiniType`: then its body differs by flavour. */
  #typed = false;

  /**
   * `from`: the module's own path relative to `src/`, e.g. `generated/schemas/Booking.ts`.
   * `mini`: the Zod Mini flavour; generated modules live under `generated/mini/` instead.
   */
  constructor(from: string, mini = false) {
    this.mini = mini;
    this.#from = this.#place(from);
  }

  /**
   * The same imports in the Zod Mini flavour, for a classic module whose body names no Zod type
   * (so that body is the Mini module's too); undefined otherwise.
   */
  asMini(): ImportSet | undefined {
    if (this.mini || this.#typed) return undefined;
    // a classic module's own path is `from` as given (#place changes only Mini paths)
    const mini = new ImportSet(this.#from, true);
    for (const [target, names] of this.#named) for (const name of names) mini.use(target, name);
    return mini;
  }

  #place(target: string): string {
    return this.mini && target.startsWith('generated/') && !target.startsWith('generated/mini/')
      ? `generated/mini/${target.slice('generated/'.length)}`
      : target;
  }

  /** `z.ZodType` (classic) or `z.ZodMiniType`: the explicit type of a recursive schema. */
  zodTypeNode(): ts.TypeNode {
    this.#typed = true;
    return f.createTypeReferenceNode(
      f.createQualifiedName(f.createIdentifier('z'), this.mini ? 'ZodMiniType' : 'ZodType'),
    );
  }

  /** Records `import { name } from <target>` and returns the identifier to use. */
  use(rawTarget: string, name: string): ts.Identifier {
    const target = this.#place(rawTarget);
    if (target !== this.#from) {
      const names = this.#named.get(target) ?? new Set<string>();
      names.add(name);
      this.#named.set(target, names);
    }
    return f.createIdentifier(name);
  }

  /** The import declarations; `import * as z` only when `body` mentions `z`. */
  render(body: readonly ts.Node[] = []): ts.Statement[] {
    const zod = f.createImportDeclaration(
      undefined,
      f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier('z'))),
      f.createStringLiteral(this.mini ? 'zod/mini' : 'zod'),
    );
    const local = [...this.#named.entries()]
      .map(([target, names]) => [this.#specifier(target), [...names].sort()] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([specifier, names]) =>
        f.createImportDeclaration(
          undefined,
          f.createImportClause(
            false,
            undefined,
            f.createNamedImports(
              names.map((n) => f.createImportSpecifier(false, undefined, f.createIdentifier(n))),
            ),
          ),
          f.createStringLiteral(specifier),
        ),
      );
    return body.some(mentionsZ) ? [zod, ...local] : local;
  }

  #specifier(target: string): string {
    const relative = posix.relative(posix.dirname(this.#from), target);
    return relative.startsWith('.') ? relative : `./${relative}`;
  }
}

function mentionsZ(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === 'z') return true;
  return ts.forEachChild(node, mentionsZ) ?? false;
}
