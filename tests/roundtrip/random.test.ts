/**
 * SQL round trip on random DDL scripts from our own writer (random-ddl.ts): >= 100 scripts per run and
 * database kind. Each script lives in its own schema, so a batch of scripts shares one pair of
 * databases: A gets the scripts as written, B gets each script imported and compiled; the catalogs must
 * be equal. The seed is printed; ROUNDTRIP_SEED=<n> replays a run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@/lib/testing';
import { importSqlAsync } from '@/lib/import';
import { compileSql } from '@/lib/compile';
import { applyScript, TARGET, withDatabases } from './helpers';
import { randomDdl } from './random-ddl';
import { roundTripFingerprint } from './fingerprint';

const SCRIPTS = 100;
const BATCH = 25;
// The run's fast-check seed (lib/testing/fast-check-seed.ts: fixed under CI, FC_SEED replays) unless
// ROUNDTRIP_SEED names one, so a landing never depends on the draw here either.
const baseSeed = Number(process.env.ROUNDTRIP_SEED ?? Math.abs(fc.readConfigureGlobal().seed ?? 0) % 1_000_000_000);

function schemaName(i: number): string {
  return i % 3 === 0 ? `"Rnd ${i}"` : `rnd_${i}`;
}

describe.each(DATABASE_KINDS)('random DDL round trip on %s', (kind) => {
  for (let start = 0; start < SCRIPTS; start += BATCH) {
    it(`scripts ${start}..${start + BATCH - 1} (seed ${baseSeed})`, async () => {
      await withDatabases(kind, 2, async (a, b) => {
        for (let i = start; i < start + BATCH; i++) {
          const seed = baseSeed + i;
          const sql = randomDdl(seed, schemaName(i));
          try {
            await applyScript(a, sql);
          } catch (error) {
            throw new Error(`generator bug, seed ${seed}: ${(error as Error).message}\n${sql}`);
          }
          const imported = await importSqlAsync(sql);
          if (!imported.ok) throw new Error(`seed ${seed}: import failed: ${imported.error.message}\n${sql}`);
          const compiled = compileSql(imported.model, { target: TARGET[kind] });
          try {
            await applyScript(b, compiled);
          } catch (error) {
            throw new Error(`seed ${seed}: compiled SQL failed: ${(error as Error).message}\n--- script ---\n${sql}\n--- compiled ---\n${compiled}`);
          }
          // The whole catalog (every script so far): one comparison also covers objects of earlier scripts that later ones could disturb.
          const [fa, fb] = [await roundTripFingerprint(a.query), await roundTripFingerprint(b.query)];
          expect(fb, `seed ${seed}\n--- script ---\n${sql}\n--- compiled ---\n${compiled}`).toEqual(fa);
        }
      });
    }, 300_000);
  }
});
