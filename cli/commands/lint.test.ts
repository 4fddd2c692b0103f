import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main';
import { memoryIo } from '../testing';
import { col, model } from '@/lib/advisor/testing/model-builder';

const clean = model([{ name: 'users', columns: [col('id', 'bigint', { nullable: false, identity: { generation: 'always' } }), col('name', 'text', { nullable: false })], pk: ['id'] }]);
const broken = model([{ name: 'orders', columns: [col('id', 'bigint', { nullable: false, identity: { generation: 'always' } }), col('total', 'double precision'), col('created', 'timestamp')], pk: ['id'] }]);
const warned = model([{ name: 'events', columns: [col('at', 'timestamp')] }]);

interface JsonFinding { id: string; ruleId: string; severity: string; message: string; help: string; target: { id: string; path: string }; fixable: boolean; fixTitle?: string }

describe('pgcanvas lint', () => {
  it('exits 0 and says so when there is nothing to report', async () => {
    const io = memoryIo({ 'm.json': JSON.stringify(clean) });
    expect(await main(['lint', 'm.json'], io)).toBe(0);
    expect(io.out()).toContain('no findings');
  });

  it('exits 1 on an error-severity finding and prints rule, path, message and help', async () => {
    const io = memoryIo({ 'm.json': JSON.stringify(broken) });
    expect(await main(['lint', 'm.json'], io)).toBe(1);
    expect(io.out()).toMatch(/^error\s+float-for-money tables\[0\]\.columns\[1\]: orders\.total stores money as double precision$/m);
    expect(io.out()).toContain('1 error(s)');
  });

  it('prints JSON with --json (warnings alone exit 0)', async () => {
    const io = memoryIo({ 'm.json': JSON.stringify(warned) });
    expect(await main(['lint', 'm.json', '--json'], io)).toBe(0);
    const data = JSON.parse(io.out()) as JsonFinding[];
    expect(data.map((f) => f.ruleId).sort()).toEqual(['table-without-primary-key', 'timestamp-without-time-zone']);
    expect(data.find((f) => f.ruleId === 'timestamp-without-time-zone')).toMatchObject({ severity: 'warning', fixable: true, fixTitle: 'Change to timestamptz', target: { path: 'tables[0].columns[0]' } });
  });

  it('--json output has exactly the documented fields, errors first, and exits 1 on an error', async () => {
    const io = memoryIo({ 'm.json': JSON.stringify(broken) });
    expect(await main(['lint', '--json', 'm.json'], io)).toBe(1);
    const data = JSON.parse(io.out()) as JsonFinding[];
    expect(data.length).toBeGreaterThan(1);
    for (const f of data) {
      expect(Object.keys(f).sort()).toEqual(['fixable', 'help', 'id', 'message', 'ruleId', 'severity', 'target', ...(f.fixable ? ['fixTitle'] : [])].sort());
      expect(Object.keys(f.target).sort()).toEqual(['id', 'path']);
      expect(f.id.startsWith(`${f.ruleId}:${f.target.id}`)).toBe(true);
    }
    expect(data[0]).toMatchObject({ ruleId: 'float-for-money', severity: 'error', target: { id: 'c_orders__total', path: 'tables[0].columns[1]' } });
    const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(data.map((f) => order[f.severity])).toEqual(data.map((f) => order[f.severity]).sort());
  });

  it('exits 1 on an invalid model, 2 on usage errors', async () => {
    const io = memoryIo({ 'x.json': '{ nope' });
    expect(await main(['lint', 'x.json'], io)).toBe(1);
    expect(io.err()).toContain('x.json: not valid JSON');
    expect(await main(['lint'], memoryIo())).toBe(2);
    expect(await main(['lint', 'x.json', '--fix'], memoryIo())).toBe(2);
    expect(await main(['lint', 'a.json', 'b.json'], memoryIo())).toBe(2);
  });

  describe('as a process (bin/pgcanvas.mjs, what npx runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-lint-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (args: string[], input?: string) => spawnSync(process.execPath, ['bin/pgcanvas.mjs', 'lint', ...args], { encoding: 'utf8', input, timeout: 60_000 });

    it('exits 1 with an error finding, 0 with warnings only, 2 on a missing file; --json reads stdin too', () => {
      writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
      writeFileSync(join(dir, 'warned.json'), JSON.stringify(warned));
      const bad = run([join(dir, 'broken.json'), '--json']);
      expect(bad.status, bad.stderr).toBe(1);
      expect((JSON.parse(bad.stdout) as JsonFinding[]).some((f) => f.severity === 'error')).toBe(true);
      const ok = run([join(dir, 'warned.json')]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^warning timestamp-without-time-zone tables\[0\]\.columns\[0\]: /m);
      const missing = run([join(dir, 'nope.json')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/cannot access .*nope\.json/);
      expect(missing.stderr).not.toMatch(/\n\s+at /);
      const stdin = run(['-', '--json'], JSON.stringify(broken));
      expect(stdin.status).toBe(1);
      expect(JSON.parse(stdin.stdout)).toEqual(JSON.parse(bad.stdout));
    }, 120_000);
  });
});
