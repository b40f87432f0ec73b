// HTTP client for the online supply-chain checks: a `fetchJson` over Node's fetch with a timeout.
import type { FetchJson, JsonRequest } from '../core/supply-chain';

/** Options of `createFetchJson`. */
export interface RegistryClientOptions {
  /** Abort a request after this many milliseconds (default 5000). */
  readonly timeoutMs?: number;
  /** Sent as User-Agent (default `redline`). */
  readonly userAgent?: string;
  /** The fetch to use (default: the global one); tests may pass their own. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * A `FetchJson` for `checkOnline`: GET or POST JSON, resolves with the status and the parsed body
 * (undefined when it is not JSON), rejects on network errors and on timeout.
 */
export function createFetchJson(options: RegistryClientOptions = {}): FetchJson {
  const timeoutMs = options.timeoutMs ?? 5000;
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (url: string, request?: JsonRequest) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const post = request?.method === 'POST';
      const res = await doFetch(url, {
        method: request?.method ?? 'GET',
        headers: { 'accept': 'application/json', 'user-agent': options.userAgent ?? 'redline', ...(post ? { 'content-type': 'application/json' } : {}) },
        body: post ? JSON.stringify(request?.body ?? {}) : undefined,
        signal: controller.signal,
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: res.status, body };
    } catch (err) {
      if (controller.signal.aborted) throw new Error(`timed out after ${timeoutMs} ms: ${url}`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
}
