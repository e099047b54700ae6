/**
 * `@minbil/car-owner-client/multipart`: builds `multipart/form-data` bodies that work in browsers,
 * Node and React Native. The Content-Type (with its boundary) is always left to fetch: setting it
 * by hand breaks the body. Opt-in: `createClient({ ..., multipart })` lets calls pass files in
 * plain-object bodies; `toFormData` builds a FormData by hand.
 */
import type { MultipartEncoder } from './client-options.ts';

/**
 * The encoder for `createClient({ multipart })`: operations that take JSON or multipart go as
 * multipart only when a file is attached; multipart-only operations always do.
 */
export const multipart: MultipartEncoder = (body, op) =>
  isPlainObject(body) && (!op.json || containsFile(body)) ? toFormData(body) : body;

function isPlainObject(value: unknown): value is Record<string, never> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** A file as React Native pickers describe it; RN's FormData uploads it from `uri`. */
export interface ReactNativeFile {
  uri: string;
  name: string;
  type: string;
}

/** Bytes with a file name, for platforms where you hold raw data rather than a File. */
export interface NamedBytes {
  data: Blob | ArrayBuffer | Uint8Array;
  name: string;
  /** @default 'application/octet-stream' */
  type?: string;
}

/** Anything a multipart file field accepts. */
export type FileLike = Blob | ReactNativeFile | NamedBytes;

/** A multipart field value: text, a file, or a list of either (appended under one name). */
export type MultipartValue = string | number | boolean | FileLike | null | undefined;

/**
 * Converts a plain object to FormData. Arrays become repeated fields (`files`, `files`, ...);
 * undefined and null are skipped; nested plain objects are rejected rather than sent as
 * "[object Object]".
 */
export function toFormData(
  fields: Record<string, MultipartValue | readonly MultipartValue[]>,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) append(form, name, item);
  }
  return form;
}

/** Whether any field (or list item) is a file: then the body must go as multipart. */
export function containsFile(fields: Record<string, unknown>): boolean {
  return Object.values(fields).some((value) =>
    (Array.isArray(value) ? value : [value]).some((item) => isFile(item)),
  );
}

function isFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    isReactNativeFile(value) ||
    isNamedBytes(value)
  );
}

function append(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    form.append(name, String(value));
  } else if (typeof Blob !== 'undefined' && value instanceof Blob) {
    form.append(name, value);
  } else if (isReactNativeFile(value)) {
    // React Native's FormData reads { uri, name, type } itself; it is not a Blob.
    form.append(name, value as unknown as Blob);
  } else if (isNamedBytes(value)) {
    const blob =
      value.data instanceof Blob
        ? value.data
        : new Blob([value.data as BlobPart], { type: value.type ?? 'application/octet-stream' });
    form.append(name, blob, value.name);
  } else {
    throw new TypeError(`Multipart field "${name}" must be text or a file, got ${describe(value)}`);
  }
}

function isReactNativeFile(value: unknown): value is ReactNativeFile {
  const v = value as Partial<ReactNativeFile>;
  return typeof v.uri === 'string' && typeof v.name === 'string' && typeof v.type === 'string';
}

function isNamedBytes(value: unknown): value is NamedBytes {
  const v = value as Partial<NamedBytes>;
  return (
    typeof v.name === 'string' &&
    (v.data instanceof ArrayBuffer ||
      v.data instanceof Uint8Array ||
      (typeof Blob !== 'undefined' && v.data instanceof Blob))
  );
}

function describe(value: unknown): string {
  return Array.isArray(value)
    ? 'a nested array'
    : typeof value === 'object'
      ? 'an object'
      : typeof value;
}
