/**
 * Where the console sends requests. The in-browser mock is the default: the MSW bundle from
 * packages/mock when the build shipped it (`mock/mock-browser.js` + `mockServiceWorker.js`), else
 * the documented examples on this page. Production needs an explicit confirmation.
 */
export interface ServerChoice {
  id: 'mock' | 'local' | 'production';
  label: string;
  baseUrl: string;
}

export const MOCK_BASE_PATH = '/__mock__/api/co';

export const SERVERS: readonly ServerChoice[] = [
  { id: 'mock', label: 'In-browser mock (no network)', baseUrl: '' },
  {
    id: 'local',
    label: 'Local: http://localhost:5000/api/co',
    baseUrl: 'http://localhost:5000/api/co',
  },
  {
    id: 'production',
    label: 'Production: https://api.minbil.no/api/co',
    baseUrl: 'https://api.minbil.no/api/co',
  },
];

interface MockGlobal {
  MinBilMock?: {
    startMockWorker(options: { serviceWorkerUrl: string; baseUrl: string }): Promise<unknown>;
    DEMO_ACCESS_TOKEN?: string;
    DEMO_REFRESH_TOKEN?: string;
    DEMO_API_KEY?: string;
  };
}

/** The mock's demo credentials by kind, once the bundle is loaded (used when none typed). */
export function mockCredentials(): Record<string, string> {
  const mock = (globalThis as MockGlobal).MinBilMock;
  return {
    access_token: mock?.DEMO_ACCESS_TOKEN ?? '',
    refresh_token: mock?.DEMO_REFRESH_TOKEN ?? '',
    api_key: mock?.DEMO_API_KEY ?? '',
  };
}

let mswReady: Promise<boolean> | undefined;

/** Starts the MSW browser mock once; resolves false when the build has no mock bundle. */
export function startMsw(): Promise<boolean> {
  mswReady ??= (async () => {
    if (!('serviceWorker' in navigator)) return false;
    const probe = await fetch('mock/mock-browser.js', { method: 'HEAD' }).catch(() => undefined);
    if (!probe?.ok) return false;
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'mock/mock-browser.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('mock bundle failed to load'));
      document.head.append(script);
    });
    const mock = (globalThis as MockGlobal).MinBilMock;
    if (!mock) return false;
    await mock.startMockWorker({
      serviceWorkerUrl: new URL('mockServiceWorker.js', location.href).pathname,
      baseUrl: location.origin + MOCK_BASE_PATH,
    });
    return true;
  })().catch(() => false);
  return mswReady;
}
