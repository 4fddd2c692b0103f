import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';

const shop = readFileSync(new URL('../../examples/shop.json', import.meta.url), 'utf8');

function variant(mutate: (m: Record<string, any>) => void): string {
  const m = JSON.parse(shop) as Record<string, any>;
  mutate(m);
  return JSON.stringify(m);
}

describe('pgcanvas validate', () => {
  it('exits 0 on a valid model, prints nothing on stdout and a summary on stderr', async () => {
    const io = memoryIo();
    expect(await main(['validate', 'examples/blog.json'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('examples/blog.json: valid\n');
  });

  it('exits 0 with warnings printed as path: message', async () => {
    const io = memoryIo({ 'm.json': variant((m) => { m.tables[0].comment = ''; }) });
    expect(await main(['validate', 'm.json'], io)).toBe(0);
    expect(io.out()).toBe("tables[0].comment: warning: an empty comment is no comment in PostgreSQL; remove the field\n");
    expect(io.err()).toBe('m.json: valid (1 warning)\n');
  });

  it('exits 1 and prints each error as path: message on its own line', async () => {
    const io = memoryIo({ 'm.json': variant((m) => { m.tables[0].name = ''; m.tables[1].columns[0].nullable = true; m.tables[2].checks[0].expression = '1); DROP TABLE x; --'; }) });
    expect(await main(['validate', 'm.json'], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'tables[0].name: name is empty',
      'tables[1].columns[0].nullable: identity columns are always NOT NULL; set "nullable": false',
      'tables[1].primaryKey.columnIds[0]: primary key column "id" is nullable; PostgreSQL makes primary key columns NOT NULL, so set "nullable": false',
    ]));
    expect(lines.some((l) => l.startsWith('tables[2].checks[0].expression: CHECK: not a valid SQL expression'))).toBe(true);
    expect(io.err()).toBe('m.json: 4 errors, 0 warnings\n');
  });

  it('reports shape errors with JSON paths and exit 1', async () => {
    const io = memoryIo({ 'm.json': variant((m) => { m.tables[1].columns[2].type = { kind: 'builtin', name: 'integr' }; }) });
    expect(await main(['validate', 'm.json'], io)).toBe(1);
    expect(io.out()).toMatch(/^tables\[1\]\.columns\[2\]\.type\.name: /);
  });

  it('prints findings as a JSON array with --json', async () => {
    const io = memoryIo({ 'm.json': variant((m) => { m.tables[3].primaryKey.columnIds.push(m.tables[3].primaryKey.columnIds[0]); }) });
    expect(await main(['validate', 'm.json', '--json'], io)).toBe(1);
    const findings = JSON.parse(io.out()) as { code: string; severity: string; path: string; id: string }[];
    expect(findings).toEqual([expect.objectContaining({ code: 'key-columns', severity: 'error', path: 'tables[3].primaryKey.columnIds[2]', id: 'pk_order_lines' })]);
    const clean = memoryIo();
    expect(await main(['validate', '--json', 'examples/saas.json'], clean)).toBe(0);
    expect(JSON.parse(clean.out())).toEqual([]);
  });

  it('validates against --target', async () => {
    const files = { 'm.json': variant((m) => { m.tables[0].uniques[0].nullsNotDistinct = true; }) };
    const old = memoryIo(files);
    expect(await main(['validate', 'm.json', '--target', '14'], old)).toBe(1);
    expect(old.out()).toBe('tables[0].uniques[0].nullsNotDistinct: NULLS NOT DISTINCT needs PostgreSQL 15 (target is 14)\n');
    expect(await main(['validate', 'm.json', '--target=15'], memoryIo(files))).toBe(0);
  });

  it('reads stdin with -', async () => {
    const io = memoryIo({ '-': shop });
    expect(await main(['validate', '-'], io)).toBe(0);
    expect(io.err()).toBe('<stdin>: valid\n');
  });

  it('exits 2 on a file that is not JSON, naming the file and the position', async () => {
    const io = memoryIo({ 'bad.json': '{\n  "format": 1,\n  oops\n}' });
    expect(await main(['validate', 'bad.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^pgcanvas validate: bad\.json: not valid JSON: .* at line 3, column 3\n$/);
  });

  it('exits 2 on a missing file, a bad target and bad usage', async () => {
    const missing = memoryIo();
    expect(await main(['validate', 'no/such/model.json'], missing)).toBe(2);
    expect(missing.err()).toContain('no/such/model.json');
    const target = memoryIo();
    expect(await main(['validate', 'examples/shop.json', '--target', '12'], target)).toBe(2);
    expect(target.err()).toContain('--target must be a PostgreSQL major version from 13 to 18');
    expect(await main(['validate'], memoryIo())).toBe(2);
    expect(await main(['validate', 'a.json', 'b.json'], memoryIo())).toBe(2);
    expect(await main(['validate', 'a.json', '--bogus'], memoryIo())).toBe(2);
  });

  it('prints its usage with --help', async () => {
    const io = memoryIo();
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(io.out()).toContain('usage: pgcanvas validate MODEL [--json] [--target N]');
  });
});
