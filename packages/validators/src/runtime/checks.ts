/**
 * Checks the generated schemas attach with `.check(...)` where Zod's built-in check would not
 * mean what JSON Schema 2020-12 means. Each names the keyword it implements.
 */
import * as z from 'zod/mini';
import { jsonEqual } from './json-equal.ts';

type Check<T> = z.core.$ZodCheck<T>;

/** Length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** `minLength`: counted in code points, not UTF-16 units (Zod's `.min()` counts units). */
export function minLength(limit: number): Check<string> {
  return z.refine((value: string) => codePointLength(value) >= limit, {
    message: `Too short: expected at least ${limit} characters`,
  });
}

/** `maxLength`: counted in code points. */
export function maxLength(limit: number): Check<string> {
  return z.refine((value: string) => codePointLength(value) <= limit, {
    message: `Too long: expected at most ${limit} characters`,
  });
}

/** `format`: the predicate of runtime/formats.ts that implements it. */
export function format(name: string, predicate: (value: string) => boolean): Check<string> {
  return z.refine(predicate, { message: `Invalid ${name}` });
}

/** `type: integer`: any number without a fractional part, also beyond 2^53 (`z.int()` stops there). */
export function integer(): Check<number> {
  return z.refine((value: number) => Number.isInteger(value), { message: 'Expected an integer' });
}

/**
 * `multipleOf`: the quotient must be an integer. Decimal divisors are compared after scaling both
 * sides to integers, so `0.3` is a multiple of `0.1` (plain `%` says it is not).
 */
export function multipleOf(divisor: number): Check<number> {
  return z.refine((value: number) => isMultipleOf(value, divisor), {
    message: `Expected a multiple of ${divisor}`,
  });
}

export function isMultipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  if (Number.isInteger(quotient)) return true;
  const decimals = Math.max(decimalPlaces(value), decimalPlaces(divisor));
  if (decimals === 0 || decimals > 15) return false;
  const scale = 10 ** decimals;
  return Math.round(value * scale) % Math.round(divisor * scale) === 0;
}

function decimalPlaces(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** `uniqueItems: true`: no two items are equal as JSON values (key order does not matter). */
export function uniqueItems<T>(): Check<T[]> {
  return z.refine(
    (items: T[]) =>
      items.every((item, i) => items.findIndex((other) => jsonEqual(item, other)) === i),
    { message: 'Expected unique items' },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `type: object` where the members of an `allOf`/`anyOf`/`oneOf` give the shape. */
export function objectType<T>(): Check<T> {
  return z.refine((value: T) => isPlainObject(value), { message: 'Expected object' });
}

/** `minProperties`; like every object keyword it passes values that are not objects. */
export function minProperties<T>(limit: number): Check<T> {
  return z.refine((value: T) => !isPlainObject(value) || Object.keys(value).length >= limit, {
    message: `Expected at least ${limit} properties`,
  });
}

/** `maxProperties`; passes values that are not objects. */
export function maxProperties<T>(limit: number): Check<T> {
  return z.refine((value: T) => !isPlainObject(value) || Object.keys(value).length <= limit, {
    message: `Expected at most ${limit} properties`,
  });
}

/**
 * `required` where Zod cannot say it: a schema without `type` (the anyOf-of-required idiom), or a
 * required property whose schema accepts anything (Zod lets such a key be missing).
 * Passes values that are not objects.
 */
export function requiredKeys<T>(keys: readonly string[]): Check<T> {
  return z.refine(
    (value: T) => !isPlainObject(value) || keys.every((key) => Object.hasOwn(value, key)),
    {
      message: `Expected properties: ${keys.join(', ')}`,
    },
  );
}
