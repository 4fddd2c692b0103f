/// <reference lib="webworker" />
/**
 * The SQL parser (libpg-query, Emscripten) fetches `libpg-query.wasm` next to the script that loaded it,
 * i.e. from the bundler's chunk folder where the file is not. This shim, imported first by the worker,
 * sends that request to the editor's own route that serves the file, and makes WebAssembly's streaming
 * instantiation use those bytes whatever response it was handed (the only WASM in this worker).
 */
export const PARSER_WASM_URL = '/projects/_parser/libpg-query.wasm';

const realFetch = self.fetch.bind(self);
let bytes: Promise<ArrayBuffer> | undefined;
const parserBytes = () => (bytes ??= realFetch(PARSER_WASM_URL).then((r) => {
  if (!r.ok) throw new Error(`SQL parser not available (HTTP ${r.status})`);
  return r.arrayBuffer();
}));

self.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return realFetch(url.endsWith('/libpg-query.wasm') ? PARSER_WASM_URL : input, init);
}) as typeof fetch;

const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (b: BufferSource, i?: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
WebAssembly.instantiateStreaming = (async (_source: unknown, imports?: WebAssembly.Imports) => instantiate(await parserBytes(), imports)) as typeof WebAssembly.instantiateStreaming;
