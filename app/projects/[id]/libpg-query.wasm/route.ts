/**
 * Serves the SQL parser's WebAssembly (libpg-query, public open-source code, no project data) to the
 * editor's preview worker, which validates expressions as the user types. The editor requests it as
 * /projects/_parser/libpg-query.wasm; any project id segment gives the same file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cached: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  cached ??= readFile(require.resolve('libpg-query/wasm/libpg-query.wasm'));
  const body = await cached;
  return new Response(new Uint8Array(body), { headers: { 'content-type': 'application/wasm', 'cache-control': 'public, max-age=86400' } });
}
