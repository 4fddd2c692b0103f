/**
 * Regenerates queries.ts from queries/*.sql: `npx tsx lib/introspect/build-queries.ts`.
 * The SQL files are the source; queries.ts carries the same text as string constants so the introspector
 * works unchanged under vitest, the CLI (tsx) and a bundled Next.js server route (no file reads at run time).
 * queries.test.ts fails when the two drift apart.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function renderQueriesModule(): string {
  const files = readdirSync(join(here, 'queries')).filter((f) => f.endsWith('.sql')).sort();
  const lines = [
    '/** Generated from queries/*.sql by build-queries.ts; do not edit by hand. */',
    'export const QUERIES = {',
    ...files.map((f) => `  ${JSON.stringify(f.replace(/\.sql$/, ''))}: ${JSON.stringify(readFileSync(join(here, 'queries', f), 'utf8'))},`),
    '} as const;',
    '',
    'export type QueryName = keyof typeof QUERIES;',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(here, 'queries.ts'), renderQueriesModule());
}
