// The part of axios's API the docs snippets use (axios is not a dependency of this repo): enough to
// type-check that snippets call it with the right shape.
declare module 'axios' {
  interface AxiosRequestConfig {
    method: string;
    url: string;
    headers?: Record<string, string>;
    data?: unknown;
    timeout?: number;
    validateStatus?: (status: number) => boolean;
  }
  interface AxiosResponse {
    status: number;
    data: unknown;
  }
  const axios: { request(config: AxiosRequestConfig): Promise<AxiosResponse> };
  export default axios;
}
