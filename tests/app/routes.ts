/**
 * The API's route files found on disk (app/api/**\/route.ts) with their exported methods, and a tiny
 * router so tests can call a handler by method and URL path, as Next.js would.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const API_DIR = join(ROOT, 'app/api');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface RouteFile {
  /** e.g. /api/projects/[id]/model */
  pattern: string;
  file: string;
  methods: Method[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (entry === 'route.ts') out.push(path);
  }
  return out;
}

export function routeFiles(): RouteFile[] {
  return walk(API_DIR).map((file) => {
    const text = readFileSync(file, 'utf8');
    const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(text));
    const pattern = '/' + relative(join(ROOT, 'app'), file).replace(/\/route\.ts$/, '').split('\\').join('/');
    return { pattern, file, methods };
  }).sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const m = p[i]!.match(/^\[(\w+)\]$/);
    if (m) params[m[1]!] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return undefined;
  }
  return params;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** resolveRoute finds the handler for a path; static segments win over [params], as in Next.js. */
export async function resolveRoute(method: Method, path: string): Promise<{ handler: Handler; params: Record<string, string> }> {
  const candidates = routeFiles()
    .map((r) => ({ r, params: matchPattern(r.pattern, path) }))
    .filter((c) => c.params !== undefined)
    .sort((a, b) => Object.keys(a.params!).length - Object.keys(b.params!).length);
  const hit = candidates[0];
  if (!hit) throw new Error(`no route file for ${path}`);
  const mod = (await import(hit.r.file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) throw new Error(`${hit.r.pattern} has no ${method}`);
  return { handler, params: hit.params! };
}
