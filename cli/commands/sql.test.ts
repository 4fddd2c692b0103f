/** `pgcanvas sql`: output, target, -o, validation errors (exit 1) and usage/I-O errors (exit 2). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../main';
import { memoryIo } from '../testing';
import { compileSql } from '@/lib/compile';
import type { Model } from '@/lib/model';

const model: Model = {
  format: 1,
  schemas: [{ id: 'p', name: 'public' }],
  tables: [{
    id: 't', schemaId: 'p', name: 'users',
    columns: [
      { id: 'c1', name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
      { id: 'c2', name: 'email', type: { kind: 'builtin', name: 'text' }, nullable: true },
    ],
    primaryKey: { id: 'pk', name: 'users_pkey', columnIds: ['c1'] },
    uniques: [{ id: 'u', name: 'users_email_key', columnIds: ['c2'], nullsNotDistinct: true }],
  }],
};
const json = JSON.stringify(model);

describe('pgcanvas sql', () => {
  it('prints the DDL of a valid model on stdout and exits 0', async () => {
    const io = memoryIo({ 'm.json': json });
    expect(await main(['sql', 'm.json'], io)).toBe(0);
    expect(io.out()).toBe(compileSql(model));
    expect(io.out()).toContain('CREATE TABLE "public"."users"');
    expect(io.err()).toBe('');
  });

  it('writes to a file with -o', async () => {
    const io = memoryIo({ 'm.json': json });
    expect(await main(['sql', 'm.json', '-o', 'out.sql', '--target', '15'], io)).toBe(0);
    expect(io.files.get('out.sql')).toBe(compileSql(model, { target: 15 }));
    expect(io.out()).toBe('');
  });

  it('exits 1 listing path: message when a feature is above the target', async () => {
    const io = memoryIo({ 'm.json': json });
    expect(await main(['sql', 'm.json', '--target', '14'], io)).toBe(1);
    expect(io.err()).toMatch(/^tables\[0\]\.uniques\[0\][^:]*: .*15/m);
    expect(io.out()).toBe('');
  });

  it('exits 1 with each error as path: message for an invalid model', async () => {
    const bad = structuredClone(model);
    bad.tables[0]!.columns[1]!.name = '';
    bad.tables[0]!.primaryKey!.columnIds = ['nope'];
    const io = memoryIo({ 'bad.json': JSON.stringify(bad) });
    expect(await main(['sql', 'bad.json'], io)).toBe(1);
    const lines = io.err().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^tables\[0\]\S*: /);
    expect(io.out()).toBe('');
  });

  it('exits 1 for text that is not JSON, and for JSON that is not a model', async () => {
    const io = memoryIo({ 'x.json': '{ nope', 'y.json': '{"format": 1}' });
    expect(await main(['sql', 'x.json'], io)).toBe(1);
    expect(io.err()).toContain('x.json: not valid JSON');
    const io2 = memoryIo({ 'y.json': '{"format": 1}' });
    expect(await main(['sql', 'y.json'], io2)).toBe(1);
    expect(io2.err()).toMatch(/schemas|tables/);
  });

  it('exits 2 on usage and I/O errors', async () => {
    const io = memoryIo();
    expect(await main(['sql'], io)).toBe(2);
    expect(await main(['sql', 'm.json', '--target', '12'], memoryIo({ 'm.json': json }))).toBe(2);
    expect(await main(['sql', 'm.json', '--target', 'x'], memoryIo({ 'm.json': json }))).toBe(2);
    expect(await main(['sql', 'm.json', '--bogus'], memoryIo({ 'm.json': json }))).toBe(2);
    const missing = memoryIo();
    expect(await main(['sql', '/nonexistent/model.json'], missing)).toBe(2);
    expect(missing.err()).toContain('no such file');
  });

  it('compiles the shipped examples', async () => {
    for (const name of ['blog', 'saas', 'shop']) {
      const path = `examples/${name}.json`;
      const io = memoryIo();
      expect(await main(['sql', path], io)).toBe(0);
      expect(io.out()).toBe(compileSql(JSON.parse(readFileSync(path, 'utf8')) as Model));
    }
  });
});
