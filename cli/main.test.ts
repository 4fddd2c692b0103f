import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { main } from './main';
import { COMMANDS } from './registry';
import { memoryIo } from './testing';
import { emptyModel } from '@/lib/model';

describe('pgcanvas CLI', () => {
  it('prints help and exits 2 without a command', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(2);
    expect(io.out()).toContain('usage: pgcanvas <command>');
  });

  it('rejects an unknown command with exit 2 and names it', async () => {
    const io = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'frobnicate'");
  });

  it('every command has a unique name, a summary and usage', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.summary.length).toBeGreaterThan(0);
      expect(c.usage).toContain(`pgcanvas ${c.name}`);
    }
  });

  it('runs through the npm bin entry point', () => {
    const r = spawnSync(process.execPath, ['bin/pgcanvas.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: pgcanvas');
  });

  it('stops quietly when the reader of its output goes away (a closed pipe)', () => {
    // `head -c 1` reads one byte and exits while pgcanvas is still writing a 1,000-table schema.
    const model = JSON.stringify(largeModelForPipe());
    const r = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} bin/pgcanvas.mjs sql - | head -c 1 >/dev/null; exit 0`], { encoding: 'utf8', input: model, timeout: 60_000 });
    expect(r.stderr).toBe('');
  });
});

function largeModelForPipe() {
  const m = emptyModel('pipe');
  for (let i = 0; i < 1000; i++) {
    m.tables.push({ id: `t${i}`, schemaId: 'schema_public', name: `table_${i}`, columns: [
      { id: `t${i}_id`, name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false },
      { id: `t${i}_name`, name: 'name', type: { kind: 'builtin', name: 'text' }, nullable: true, comment: 'x'.repeat(200) },
    ] });
  }
  return m;
}
