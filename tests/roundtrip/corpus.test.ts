/**
 * SQL round trip on real-world schemas (../shared/corpus: pagila, a pg_dump file, and northwind) and on
 * our hard cases (tests/roundtrip/cases/*.sql): the file applied directly and the file imported,
 * compiled and applied give the same catalog, on the PostgreSQL server and on PGlite.
 */
import { describe, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_KINDS } from '@/lib/testing';
import { sqlRoundTrip } from './helpers';

const corpusDir = join(__dirname, '../../../shared/corpus');
const casesDir = join(__dirname, 'cases');
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.sql')).sort() : [];
const cases = readdirSync(casesDir).filter((f) => f.endsWith('.sql')).sort();

describe.each(DATABASE_KINDS)('SQL round trip on %s', (kind) => {
  // The corpus sits beside the repo (../shared/corpus) on our machines and in CI, where its absence is a
  // failure; a clone elsewhere gets a clear to-do line instead (see the corpus README).
  if (corpus.length === 0) {
    if (process.env.CI) it(`corpus folder ${corpusDir} is present in CI`, () => { throw new Error(`corpus folder ${corpusDir} is absent`); });
    else it.todo(`corpus folder ${corpusDir} is absent: corpus round trips not run`);
  }
  for (const file of corpus) {
    it(`corpus ${file}`, async () => {
      await sqlRoundTrip(kind, readFileSync(join(corpusDir, file), 'utf8'));
    }, 400_000);
  }
  for (const file of cases) {
    // PG15-only or PG18-only cases say so in their file name.
    if (kind === 'server' && file.includes('pg18')) continue;
    it(`case ${file}`, async () => {
      await sqlRoundTrip(kind, readFileSync(join(casesDir, file), 'utf8'));
    });
  }
});
