/** Snippet generators called directly with hostile values: shell quoting, JS literals, auth headers. */
import { describe, expect, it } from 'vitest';
import { curlSnippet } from '../../scripts/stages/docs/snippets/curl.ts';
import { fetchSnippet } from '../../scripts/stages/docs/snippets/fetch.ts';
import { axiosSnippet } from '../../scripts/stages/docs/snippets/axios.ts';
import { typedClientSnippet } from '../../scripts/stages/docs/snippets/typed-client.ts';
import { jsValue } from '../../scripts/stages/docs/snippets/js-literal.ts';
import { shellQuote } from '../../scripts/stages/docs/snippets/shell.ts';
import {
  DEFAULT_BASE_URL,
  credentialEnv,
  type SnippetRequest,
} from '../../scripts/stages/docs/snippets/request.ts';
import { bashSyntax, curlArgv } from './support/shell.ts';

const HOSTILE = [
  "it's",
  `'; touch /tmp/pwned-docs; echo '`,
  '$(touch /tmp/pwned-docs) `id` $HOME ${PATH}',
  '\\ " \' \n newline !history',
  '</script><script>alert(1)</script>',
  '?registration_number=X&reg=Y',
  '\u2028\u2029 ünïcødé ✓',
];

const request = (over: Partial<SnippetRequest> = {}): SnippetRequest => {
  const auth = over.auth ?? 'none';
  const credential =
    over.credential ?? (auth === 'apiKey' ? 'api_key' : auth === 'none' ? '' : 'access_token');
  return {
    method: 'POST',
    pathTemplate: '/vehicles',
    pathAndQuery: '/vehicles?registration_number=BT57225&reg=BT57225',
    pathParams: {},
    query: {},
    headers: [],
    auth,
    apiKeyHeader: '',
    credential,
    secretEnv: credential ? credentialEnv(credential) : '',
    ...over,
  };
};

describe('shellQuote', () => {
  it.each(HOSTILE)('round-trips %j through bash unchanged', (value) => {
    expect(curlArgv(`curl ${shellQuote(value)}`)).toEqual([value]);
  });
});

describe('curlSnippet', () => {
  it('passes bash -n and hands curl the exact URL, headers and body', () => {
    for (const value of HOSTILE) {
      const req = request({
        headers: [['X-Test', value]],
        body: { kind: 'json', contentType: 'application/json', value: { value } },
      });
      const script = curlSnippet(req, `https://h.example/a'b`);
      expect(bashSyntax(script).ok).toBe(true);
      const argv = curlArgv(script);
      expect(argv.slice(0, 3)).toEqual([
        '-X',
        'POST',
        `https://h.example/a'b/vehicles?registration_number=BT57225&reg=BT57225`,
      ]);
      expect(argv).toContain(`X-Test: ${value}`);
      expect(JSON.parse(argv[argv.indexOf('--data-raw') + 1]!)).toEqual({ value });
    }
  });

  it('GET sends no body and no Content-Type', () => {
    const script = curlSnippet(request({ method: 'GET' }));
    expect(script).not.toMatch(/Content-Type|--data|-d /);
  });

  it('bearer endpoints send Authorization from the environment; api-key endpoints send x-api-key', () => {
    const bearer = curlArgv(curlSnippet(request({ auth: 'bearer' })), {
      MINBIL_ACCESS_TOKEN: 't0k',
    });
    expect(bearer).toContain('Authorization: Bearer t0k');
    const key = curlArgv(curlSnippet(request({ auth: 'apiKey', apiKeyHeader: 'x-api-key' })), {
      MINBIL_API_KEY: 'k3y',
    });
    expect(key).toContain('x-api-key: k3y');
    expect(key.join(' ')).not.toContain('Authorization');
    const odd = curlArgv(curlSnippet(request({ auth: 'apiKey', apiKeyHeader: "x-'$(id)" })), {
      MINBIL_API_KEY: 'k',
    });
    expect(odd).toContain("x-'$(id): k");
  });

  it('a scheme carrying the refresh token reads MINBIL_REFRESH_TOKEN, not the access token', () => {
    const argv = curlArgv(curlSnippet(request({ auth: 'bearer', credential: 'refresh_token' })), {
      MINBIL_ACCESS_TOKEN: 'access',
      MINBIL_REFRESH_TOKEN: 'refresh',
    });
    expect(argv).toContain('Authorization: Bearer refresh');
  });

  it('multipart text fields never read files (--form-string)', () => {
    const argv = curlArgv(
      curlSnippet(
        request({
          body: { kind: 'form', fields: [{ name: 'n', value: '@/etc/passwd', file: false }] },
        }),
      ),
    );
    expect(argv).toContain('--form-string');
    expect(argv).toContain('n=@/etc/passwd');
  });

  it('uses the default base URL when none is given', () => {
    expect(curlArgv(curlSnippet(request()))[2]).toBe(
      `${DEFAULT_BASE_URL}/vehicles?registration_number=BT57225&reg=BT57225`,
    );
  });
});

describe('JS snippets', () => {
  it.each([...HOSTILE, { __proto__x: 1 }, JSON.parse('{"__proto__":{"polluted":true}}')])(
    'jsValue(%j) evaluates to the same value',
    (value) => {
      const evaluated: unknown = new Function(`return ${jsValue(value)};`)();
      expect(JSON.stringify(evaluated)).toBe(JSON.stringify(value));
      expect(Object.getPrototypeOf(evaluated ?? {})).not.toHaveProperty('polluted');
    },
  );

  it('fetch and axios GET snippets have no body and no Content-Type; api key sent as x-api-key', () => {
    for (const gen of [fetchSnippet, axiosSnippet]) {
      const get = gen(request({ method: 'GET', auth: 'apiKey', apiKeyHeader: 'x-api-key' }));
      expect(get).not.toMatch(/Content-Type|body:|data:/);
      expect(get).toContain('"x-api-key": API_KEY');
      expect(get).not.toContain('Authorization');
      const bearer = gen(request({ auth: 'bearer' }));
      expect(bearer).toContain('Authorization: `Bearer ${ACCESS_TOKEN}`');
    }
  });

  it('embeds the base URL and URL with JSON.stringify (exact &)', () => {
    const code = fetchSnippet(request(), 'https://x.example/"q"');
    expect(code).toContain('const BASE_URL = "https://x.example/\\"q\\"";');
    expect(code).toContain('"/vehicles?registration_number=BT57225&reg=BT57225"');
  });

  it('typed-client multipart bodies pass files as File objects, lists as arrays, text exactly', async () => {
    const hostile = HOSTILE[1]!;
    const code = typedClientSnippet(
      request({
        body: {
          kind: 'form',
          fields: [
            { name: 'caption', value: hostile, file: false },
            { name: '__proto__', value: 'x', file: false },
            { name: 'image', value: 'photo.jpg', file: true },
            { name: 'files', value: 'photo.jpg', file: true, list: true },
          ],
        },
      }),
    );
    // run the snippet with a stand-in client that records the call
    let init: { body: Record<string, unknown> } | undefined;
    const createClient = () => ({
      POST: (_path: string, i: typeof init) => ((init = i), { response: { status: 201 } }),
    });
    const AsyncFunction = (async () => {}).constructor as new (
      ...a: string[]
    ) => (...v: unknown[]) => Promise<void>;
    // (the snippet imports the client and its opt-in multipart encoder: both stand-ins here)
    await new AsyncFunction(
      'createClient',
      'multipart',
      'console',
      code.replace(/^import .*$/gm, ''),
    )(createClient, {}, { log: () => {} });
    const body = init!.body;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(['caption', '__proto__', 'image', 'files']);
    expect(body.caption).toBe(hostile);
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toBe('x');
    expect(body.image).toBeInstanceOf(File);
    expect((body.image as File).name).toBe('photo.jpg');
    expect(body.files).toEqual([expect.any(File)]);
  });
});
