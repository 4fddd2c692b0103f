import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { col, model } from '@/lib/advisor/testing/model-builder';

const clean = model([{ name: 'users', columns: [col('id', 'bigint', { nullable: false, identity: { generation: 'always' } }), col('name', 'text', { nullable: false })], pk: ['id'] }]);
const broken = model([{ name: 'orders', columns: [col('id', 'bigint', { nullable: false, identity: { generation: 'always' } }), col('total', 'double precision'), col('created', 'timestamp')], pk: ['id'] }]);

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
    const warned = model([{ name: 'events', columns: [col('at', 'timestamp')] }]);
    const io = memoryIo({ 'm.json': JSON.stringify(warned) });
    expect(await main(['lint', 'm.json', '--json'], io)).toBe(0);
    const data = JSON.parse(io.out()) as { id: string; ruleId: string; severity: string; target: { id: string; path: string }; fixable: boolean }[];
    expect(data.map((f) => f.ruleId).sort()).toEqual(['table-without-primary-key', 'timestamp-without-time-zone']);
    expect(data.find((f) => f.ruleId === 'timestamp-without-time-zone')).toMatchObject({ severity: 'warning', fixable: true, target: { path: 'tables[0].columns[0]' } });
  });

  it('exits 1 on an invalid model, 2 on usage errors', async () => {
    const io = memoryIo({ 'x.json': '{ nope' });
    expect(await main(['lint', 'x.json'], io)).toBe(1);
    expect(io.err()).toContain('x.json: not valid JSON');
    expect(await main(['lint'], memoryIo())).toBe(2);
    expect(await main(['lint', 'x.json', '--fix'], memoryIo())).toBe(2);
  });
});
