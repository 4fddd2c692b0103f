/**
 * Serves the SQL parser's WebAssembly (libpg-query, public open-source code, no project data) to the
 * editor's findings worker (components/editor/workers/findings*: validation as the user types, with
 * wasm-shim.ts pointing the parser here). Only that worker requests it: the page's main thread loads
 * neither the parser's script nor this file, and the preview worker keeps its copy of the parser from
 * loading (no-parser-shim.ts). Requested as /projects/_parser/libpg-query.wasm; any project id segment
 * gives the same file. The path is built at run time so the bundler does not try to compile the .wasm
 * into the server bundle.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PARTS = ['node_modules', 'libpg-query', 'wasm', ['libpg-query', 'wasm'].join('.')];
let cached: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  // Opaque to Turbopack's file tracer: a path built at run time would otherwise make it trace (and
  // ship) the whole project with the server bundle.
  cached ??= readFile(join(/* turbopackIgnore: true */ process.cwd(), ...PARTS));
  try {
    const body = await cached;
    return new Response(new Uint8Array(body), { headers: { 'content-type': 'application/wasm', 'cache-control': 'public, max-age=86400' } });
  } catch {
    cached = undefined;
    return Response.json({ error: { code: 'not_found', message: 'The SQL parser is not installed on this server.' } }, { status: 404 });
  }
}
