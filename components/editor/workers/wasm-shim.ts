/// <reference lib="webworker" />
/**
 * The SQL parser (libpg-query, Emscripten) fetches `libpg-query.wasm` next to the script that loaded it,
 * i.e. from the bundler's chunk folder where the file is not. This shim, imported first by the worker,
 * sends that one request to the editor's own route that serves the file.
 */
export const PARSER_WASM_URL = '/projects/_parser/libpg-query.wasm';

const realFetch = self.fetch.bind(self);
self.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return realFetch(url.endsWith('/libpg-query.wasm') ? PARSER_WASM_URL : input, init);
}) as typeof fetch;
