/**
 * randomDdl writes a random DDL script in one schema, in the many ways people (and pg_dump) write the
 * same things: inline and table constraints, named and unnamed ones (so PostgreSQL invents names,
 * including truncated and numbered ones), serial / bigserial / identity / pg_dump's sequence form,
 * ALTER TABLE ADD CONSTRAINT, separate CREATE INDEX, COMMENT ON, partitions, RLS with policies, and
 * identifiers that are unquoted upper case (folded), quoted mixed case, with spaces, Unicode, reserved
 * words and long enough to be truncated. It is our own writer, not compileSql, so the round trip
 * import -> compile is not checked against itself.
 */
export class Prng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(percent = 50): boolean {
    return this.next() * 100 < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** How a name is written in the script and what PostgreSQL stores. */
interface Ident {
  readonly sql: string;
  readonly stored: string;
}

const LONG = 'a_rather_long_identifier_that_goes_on_and_on_until_truncation_';

function ident(r: Prng, base: string, used: Set<string>): Ident {
  for (let attempt = 0; ; attempt++) {
    const n = attempt === 0 ? base : `${base}${attempt}`;
    const style = r.int(0, 9);
    let id: Ident;
    switch (style) {
      case 0: id = { sql: n.toUpperCase(), stored: n.toLowerCase() }; break; // unquoted upper case folds
      case 1: { const s = n[0]!.toUpperCase() + n.slice(1); id = { sql: `"${s}"`, stored: s }; break; }
      case 2: id = { sql: `"${n} x"`, stored: `${n} x` }; break;
      case 3: id = { sql: `"${n}_é"`, stored: `${n}_é` }; break;
      case 4: { const s = (LONG + n).slice(0, 60); id = { sql: s, stored: s }; break; }
      case 5: id = { sql: `"${n}""q"`, stored: `${n}"q` }; break;
      default: id = { sql: n, stored: n };
    }
    if (!used.has(id.stored)) {
      used.add(id.stored);
      return id;
    }
  }
}

interface Col {
  readonly name: Ident;
  readonly type: string;
  readonly kind: 'int' | 'text' | 'num' | 'bool' | 'time' | 'other';
  notNull: boolean;
}

interface Tbl {
  readonly name: Ident;
  readonly cols: Col[];
  pk?: Col;
  /** The primary key exists right after CREATE TABLE (not added later by ALTER TABLE). */
  pkInline?: boolean;
}

const TYPES: [string, Col['kind']][] = [
  ['integer', 'int'], ['int', 'int'], ['bigint', 'int'], ['smallint', 'int'], ['int4', 'int'],
  ['text', 'text'], ['varchar(40)', 'text'], ['character varying(12)', 'text'], ['char(3)', 'text'], ['character varying', 'text'],
  ['numeric(10,2)', 'num'], ['numeric', 'num'], ['numeric(7)', 'num'], ['decimal(5,1)', 'num'], ['double precision', 'num'], ['real', 'num'], ['float8', 'num'],
  ['boolean', 'bool'], ['bool', 'bool'],
  ['date', 'time'], ['timestamp', 'time'], ['timestamptz', 'time'], ['timestamp(3) with time zone', 'time'], ['time', 'other'], ['interval', 'other'],
  ['uuid', 'other'], ['jsonb', 'other'], ['text[]', 'other'], ['integer[]', 'other'], ['bytea', 'other'], ['inet', 'other'],
];

function defaultFor(r: Prng, c: Col): string | undefined {
  switch (c.kind) {
    case 'int': return r.pick(['0', '42', '-1', '(1 + 2)']);
    case 'text': return r.pick(["'x'", "''", "'it''s'"]);
    case 'num': return r.pick(['0', '1.5', '(2 * 3)']);
    case 'bool': return r.pick(['true', 'false']);
    case 'time': return c.type === 'date' ? r.pick(['CURRENT_DATE', "'2024-01-01'"]) : r.pick(['now()', 'CURRENT_TIMESTAMP', "'2024-01-01 10:00'"]);
    default: return c.type === 'uuid' ? 'gen_random_uuid()' : c.type === 'jsonb' ? "'{}'::jsonb" : undefined;
  }
}

function checkFor(r: Prng, c: Col): string | undefined {
  const n = c.name.sql;
  switch (c.kind) {
    case 'int': case 'num': return r.pick([`${n} > 0`, `${n} <> 7`, `${n} BETWEEN -5 AND 1000000`]);
    case 'text': return r.pick([`length(${n}) < 100`, `${n} <> 'forbidden'`]);
    default: return undefined;
  }
}

const ACTIONS = ['', ' ON DELETE CASCADE', ' ON DELETE SET NULL', ' ON UPDATE CASCADE', ' ON DELETE RESTRICT', ' ON UPDATE NO ACTION', ' ON DELETE NO ACTION ON UPDATE SET NULL'];

/** randomDdl returns a script whose every object lives in schema `schema` (created by the script). */
export function randomDdl(seed: number, schema: string): string {
  const r = new Prng(seed);
  const out: string[] = [];
  const q = (id: Ident) => `${schema}.${id.sql}`;
  const relNames = new Set<string>();
  const after: string[] = [];
  out.push(`CREATE SCHEMA ${schema};`);
  let enumName: Ident | undefined;
  if (r.bool(40)) {
    enumName = ident(r, 'mood', relNames);
    out.push(`CREATE TYPE ${q(enumName)} AS ENUM ('sad', 'ok', 'happy');`);
    if (r.bool()) out.push(`ALTER TYPE ${q(enumName)} ADD VALUE 'meh' AFTER 'sad';`);
  }
  const tables: Tbl[] = [];
  const tableCount = r.int(1, 4);
  for (let t = 0; t < tableCount; t++) {
    const colNames = new Set<string>();
    const tbl: Tbl = { name: ident(r, `t${t}`, relNames), cols: [] };
    const lines: string[] = [];
    // The key column, written one of many ways.
    const keyName = ident(r, 'id', colNames);
    const keyStyle = r.int(0, 6);
    const key: Col = { name: keyName, type: keyStyle === 1 ? 'bigint' : 'integer', kind: 'int', notNull: true };
    tbl.cols.push(key);
    tbl.pk = key;
    tbl.pkInline = keyStyle !== 1 && keyStyle !== 3;
    switch (keyStyle) {
      case 0: lines.push(`${keyName.sql} serial PRIMARY KEY`); break;
      case 1: lines.push(`${keyName.sql} bigserial NOT NULL`); after.push(`ALTER TABLE ONLY ${q(tbl.name)} ADD CONSTRAINT pk_t${t} PRIMARY KEY (${keyName.sql});`); break;
      case 2: lines.push(`${keyName.sql} integer GENERATED ${r.pick(['ALWAYS', 'BY DEFAULT'])} AS IDENTITY${r.bool() ? ' (START WITH 100 INCREMENT BY 2)' : ''} PRIMARY KEY`); break;
      case 3: {
        const seq = ident(r, 'seq', relNames);
        out.push(`CREATE SEQUENCE ${q(seq)} AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;`);
        lines.push(`${keyName.sql} integer DEFAULT nextval('${schema}.${seq.sql}'::regclass) NOT NULL`);
        after.push(`ALTER SEQUENCE ${q(seq)} OWNED BY ${q(tbl.name)}.${keyName.sql};`);
        after.push(`ALTER TABLE ONLY ${q(tbl.name)} ADD CONSTRAINT ${r.bool() ? `c${t}_pkey` : `"C${t} pkey"`} PRIMARY KEY (${keyName.sql});`);
        break;
      }
      case 4: lines.push(`${keyName.sql} integer NOT NULL`); lines.push(`PRIMARY KEY (${keyName.sql})`); break;
      case 5: lines.push(`${keyName.sql} int`); lines.push(`CONSTRAINT ${ident(r, 'pk', relNames).sql} PRIMARY KEY (${keyName.sql})`); break;
      default: lines.push(`${keyName.sql} int PRIMARY KEY`);
    }
    const colCount = r.int(1, 6);
    for (let c = 0; c < colCount; c++) {
      const [type, kind] = enumName && r.bool(10) ? [q(enumName), 'other' as const] : r.pick(TYPES);
      const col: Col = { name: ident(r, `c${c}`, colNames), type, kind, notNull: r.bool(30) };
      tbl.cols.push(col);
      let line = `${col.name.sql} ${type}`;
      if (col.notNull) line += ' NOT NULL';
      const def = r.bool(35) ? defaultFor(r, col) : undefined;
      if (def) line += ` DEFAULT ${def}`;
      const check = r.bool(20) ? checkFor(r, col) : undefined;
      if (check) line += r.bool() ? ` CHECK (${check})` : ` CONSTRAINT ${ident(r, 'ck', relNames).sql} CHECK (${check})`;
      if (r.bool(12) && col.type !== 'jsonb' && !col.type.endsWith('[]')) line += ' UNIQUE';
      const inlineTargets = tables.filter((x) => x.pkInline);
      const target = inlineTargets.length && kind === 'int' && r.bool(40) ? r.pick(inlineTargets) : undefined;
      if (target && target.pk && col.type === target.pk.type) line += ` REFERENCES ${q(target.name)}${r.bool() ? ` (${target.pk.name.sql})` : ''}${r.pick(ACTIONS)}`;
      lines.push(line);
    }
    // Table-level constraints, unnamed or named.
    const plain = tbl.cols.filter((c) => c.type !== 'jsonb' && !c.type.endsWith('[]') && c.kind !== 'other');
    if (plain.length >= 2 && r.bool(35)) {
      const [a, b] = [plain[plain.length - 1]!, plain[plain.length - 2]!];
      lines.push(`${r.bool() ? '' : `CONSTRAINT ${ident(r, 'uq', relNames).sql} `}UNIQUE ${r.bool(20) ? 'NULLS NOT DISTINCT ' : ''}(${a.name.sql}, ${b.name.sql})`);
    }
    const nums = tbl.cols.filter((c) => c.kind === 'int' || c.kind === 'num');
    if (nums.length >= 2 && r.bool(30)) lines.push(`CHECK (${nums[0]!.name.sql} <> ${nums[1]!.name.sql})`);
    if (r.bool(15)) lines.push('CHECK (true)');
    out.push(`CREATE TABLE ${q(tbl.name)} (\n  ${lines.join(',\n  ')}\n);`);
    tables.push(tbl);

    // Separate statements: foreign keys, indexes, comments, RLS.
    const ints = tbl.cols.filter((c) => c.type === 'integer' && c !== tbl.pk);
    if (tables.length > 1 && ints.length && r.bool(40)) {
      const target = r.pick(tables.filter((x) => x !== tbl && x.pk?.type === 'integer').concat([]));
      if (target) after.push(`ALTER TABLE ${q(tbl.name)} ADD ${r.bool() ? '' : `CONSTRAINT ${ident(r, 'fk', relNames).sql} `}FOREIGN KEY (${ints[0]!.name.sql}) REFERENCES ${q(target.name)}(${target.pk!.name.sql})${r.pick(ACTIONS)}${r.bool(20) ? ' DEFERRABLE INITIALLY DEFERRED' : ''};`);
    }
    for (let i = r.int(0, 3); i > 0; i--) {
      const col = r.pick(tbl.cols);
      const name = r.bool() ? '' : `${ident(r, 'ix', relNames).sql} `;
      if (col.type === 'jsonb' || col.type.endsWith('[]')) {
        after.push(`CREATE INDEX ${name}ON ${q(tbl.name)} USING gin (${col.name.sql});`);
      } else if (col.kind === 'text' && r.bool()) {
        after.push(`CREATE INDEX ${name}ON ${q(tbl.name)} (lower(${col.name.sql}))${r.bool() ? ` WHERE ${col.name.sql} IS NOT NULL` : ''};`);
      } else {
        const other = r.pick(tbl.cols.filter((c) => c.type !== 'jsonb' && !c.type.endsWith('[]')));
        const unique = r.bool(20) && other === col ? 'UNIQUE ' : '';
        after.push(`CREATE ${unique}INDEX ${name}ON ${q(tbl.name)} (${col.name.sql}${r.pick(['', ' DESC', ' NULLS FIRST', ' DESC NULLS LAST'])}${other !== col ? `, ${other.name.sql}` : ''});`);
      }
    }
    if (r.bool(30)) after.push(`COMMENT ON TABLE ${q(tbl.name)} IS 'table ${t}';`);
    if (r.bool(30)) after.push(`COMMENT ON COLUMN ${q(tbl.name)}.${r.pick(tbl.cols).name.sql} IS 'a column''s comment';`);
    if (r.bool(15)) {
      after.push(`ALTER TABLE ${q(tbl.name)} ENABLE ROW LEVEL SECURITY;`);
      after.push(`CREATE POLICY ${ident(r, 'pol', new Set()).sql} ON ${q(tbl.name)} FOR SELECT USING (${tbl.pk!.name.sql} > 0);`);
    }
    if (r.bool(15)) after.push(`ALTER TABLE ${q(tbl.name)} ADD COLUMN ${ident(r, 'added', colNames).sql} text DEFAULT 'new' NOT NULL;`);
  }
  if (r.bool(25)) {
    const p = ident(r, 'events', relNames);
    out.push(`CREATE TABLE ${q(p)} (k integer NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);`);
    out.push(`CREATE TABLE ${q(ident(r, 'events_2024', relNames))} PARTITION OF ${q(p)} FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`);
    if (r.bool()) out.push(`CREATE TABLE ${q(ident(r, 'events_other', relNames))} PARTITION OF ${q(p)} DEFAULT;`);
    if (r.bool()) after.push(`CREATE INDEX ON ${q(p)} (k);`);
  }
  if (r.bool(20)) after.push(`CREATE VIEW ${schema}.${ident(r, 'v', relNames).sql} AS SELECT 1 AS one;`);
  return [...out, ...after].join('\n') + '\n';
}
