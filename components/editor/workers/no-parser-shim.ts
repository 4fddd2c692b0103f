/// <reference lib="webworker" />
/**
 * For a worker that never parses SQL (the preview worker: compile, Drizzle and Security need no
 * parser). The parser module (libpg-query) still starts loading its WASM when it is imported, through
 * lib/model; this shim makes that load wait forever instead of downloading and compiling ~1 MB of WASM
 * a second time (the findings worker loads it for real). Imported first, like wasm-shim.ts.
 */
const realFetch = self.fetch.bind(self);

self.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return url.endsWith('.wasm') ? new Promise<Response>(() => {}) : realFetch(input, init);
}) as typeof fetch;

WebAssembly.instantiateStreaming = (() => new Promise(() => {})) as typeof WebAssembly.instantiateStreaming;

export {};
