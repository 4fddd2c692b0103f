/**
 * Database round trip and idempotence: a database built from SQL (corpus and hard cases) is pulled,
 * the model compiled and applied to a second database, and both catalogs are equal; pulling the copy
 * gives the same model again (ids aside).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_KINDS } from '@/lib/testing';
import { introspect } from '@/lib/introspect';
import { compileSql } from '@/lib/compile';
import { applyScript, TARGET, withDatabases } from './helpers';
import { withoutIds } from './normal-form';
import { roundTripFingerprint } from './fingerprint';

// Pull does not read privileges (docs/import.md), so they are left out of this comparison.
const NO_GRANTS = { privileges: false };
const corpusDir = join(__dirname, '../../../shared/corpus');
const casesDir = join(__dirname, 'cases');
const files = [
  ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(corpusDir, f)) : []),
  ...readdirSync(casesDir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(casesDir, f)),
];

describe.each(DATABASE_KINDS)('database round trip on %s', (kind) => {
  for (const file of files) {
    if (kind === 'server' && file.includes('pg18')) continue;
    it(`pull, compile, apply, pull: ${file.split('/').pop()}`, async () => {
      await withDatabases(kind, 3, async (a, b, c) => {
        await applyScript(a, readFileSync(file, 'utf8'));
        const pulledA = await introspect(a.query);
        const compiledA = compileSql(pulledA, { target: TARGET[kind] });
        await applyScript(b, compiledA);
        expect(await roundTripFingerprint(b.query, NO_GRANTS), compiledA).toEqual(await roundTripFingerprint(a.query, NO_GRANTS));
        // Idempotence: pulling the copy gives the same model, and compiling that gives the same catalog.
        const pulledB = await introspect(b.query);
        expect(withoutIds(pulledB)).toEqual(withoutIds(pulledA));
        await applyScript(c, compileSql(pulledB, { target: TARGET[kind] }));
        expect(await roundTripFingerprint(c.query, NO_GRANTS)).toEqual(await roundTripFingerprint(b.query, NO_GRANTS));
      });
    }, 500_000);
  }
});
