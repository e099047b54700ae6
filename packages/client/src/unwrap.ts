/** For code that prefers exceptions: `const profile = await unwrap(client.GET('/profile'))`. */
import type { ApiResult } from './types.ts';

/** Resolves to `data`, or rejects with the call's ApiError. */
export async function unwrap<Data>(call: Promise<ApiResult<Data>>): Promise<Data> {
  const result = await call;
  if (result.error) throw result.error;
  return result.data as Data;
}
