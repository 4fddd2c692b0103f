/**
 * Zero type modifiers (interval(0), timestamp(0), time(0), timetz(0), numeric(10,0)) must survive the
 * Drizzle export: drizzle-orm's interval builder drops precision 0, so the emitter writes a customType.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { emptyModel, type Column, type ColumnType, type Model } from '@/lib/model';
import { emitDrizzle } from '@/lib/drizzle';
import { drizzleKitMigration, ORACLE_DIR, oracle, writeFiles } from './oracle-helpers';

afterAll(() => rmSync(ORACLE_DIR, { recursive: true, force: true }));

const TYPES: [string, ColumnType, string][] = [
  ['iv', { kind: 'builtin', name: 'interval', precision: 0 }, 'interval(0)'],
  ['iv3', { kind: 'builtin', name: 'interval', precision: 3 }, 'interval(3)'],
  ['ts', { kind: 'builtin', name: 'timestamp', precision: 0 }, 'timestamp(0)'],
  ['tstz', { kind: 'builtin', name: 'timestamptz', precision: 0 }, 'timestamp(0) with time zone'],
  ['t', { kind: 'builtin', name: 'time', precision: 0 }, 'time(0)'],
  ['ttz', { kind: 'builtin', name: 'timetz', precision: 0 }, 'time(0) with time zone'],
  ['num', { kind: 'builtin', name: 'numeric', precision: 10, scale: 0 }, 'numeric(10, 0)'],
];

function zeroModel(): Model {
  const m = emptyModel('zero typmods');
  const columns: Column[] = TYPES.map(([name, type]) => ({ id: `c_${name}`, name, type, nullable: true }));
  columns.push({ id: 'c_ivs', name: 'ivs', type: { kind: 'builtin', name: 'interval', precision: 0, array: true }, nullable: true });
  m.tables.push({ id: 't1', schemaId: 'schema_public', name: 'zeros', columns });
  return m;
}

describe('zero type modifiers', () => {
  it('are kept by drizzle-kit', async () => {
    const { files } = emitDrizzle(zeroModel());
    const migration = (await drizzleKitMigration(writeFiles(files, 'zeros'))).join('\n');
    for (const [name, , sql] of TYPES) expect(migration).toContain(`"${name}" ${sql}`);
    expect(migration).toContain('"ivs" interval(0)[]');
  });

  it('match compileSql on the server through drizzle-kit', async () => {
    await oracle('server', zeroModel());
  }, 120_000);
});
