/**
 * Real pg_dump output imports cleanly: each corpus file and hard case is applied to A, dumped with
 * `pg_dump --schema-only` (whose output has SET lines, set_config, OWNER TO, \restrict, ...), the dump is
 * imported and compiled into B, and A and B have the same catalog. Server only (pg_dump needs a server).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSqlAsync } from '@/lib/import';
import { compileSql } from '@/lib/compile';
import { applyScript, withDatabases } from './helpers';
import { roundTripFingerprint } from './fingerprint';

const corpusDir = join(__dirname, '../../../shared/corpus');
const casesDir = join(__dirname, 'cases');
const files = [
  ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(corpusDir, f)) : []),
  ...readdirSync(casesDir).filter((f) => f.endsWith('.sql') && !f.includes('pg18')).sort().map((f) => join(casesDir, f)),
];
let pgDump = true;
try {
  execFileSync('pg_dump', ['--version']);
} catch {
  pgDump = false;
}

describe('pg_dump --schema-only output round trip on server', () => {
  // .ci/run installs the PostgreSQL client, so in CI a missing pg_dump is a failure, not a skip.
  if (!pgDump) {
    if (process.env.CI) it('pg_dump is on the PATH in CI', () => { throw new Error('pg_dump is not on the PATH'); });
    else it.todo('pg_dump is not on the PATH: install the PostgreSQL client to run these');
  }
  for (const file of pgDump ? files : []) {
    it(file.split('/').pop()!, async () => {
      await withDatabases('server', 2, async (a, b) => {
        await applyScript(a, readFileSync(file, 'utf8'));
        // With owners and privileges: OWNER TO and GRANT lines are part of what must import cleanly.
        const dump = execFileSync('pg_dump', ['--schema-only', '-d', a.url!], { encoding: 'utf8', maxBuffer: 64 << 20 });
        const imported = await importSqlAsync(dump);
        if (!imported.ok) throw new Error(`import of the dump failed: ${JSON.stringify(imported.error)}`);
        // OWNER TO and set_config are recognised as what they are (ignored), GRANT is kept as SQL.
        const actions = new Set(imported.report.map((e) => `${e.action} ${e.kind}`));
        expect(actions).toContain('ignored owner');
        expect(actions).toContain('ignored set');
        const compiled = compileSql(imported.model, { target: 15 });
        await applyScript(b, compiled);
        expect(await roundTripFingerprint(b.query), compiled).toEqual(await roundTripFingerprint(a.query));
      });
    }, 300_000);
  }
});
