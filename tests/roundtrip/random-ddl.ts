/**
 * randomDdl writes a random DDL script in one schema, in the many ways people (and pg_dump) write the
 * same things: inline and table constraints, named and unnamed ones (so PostgreSQL invents names,
 * including truncated and numbered ones), serial / bigserial / identity / pg_dump's sequence form,
 * ALTER TABLE ADD CONSTRAINT / ADD COLUMN / ALTER COLUMN (SET DEFAULT, SET/DROP NOT NULL, ADD GENERATED AS
 * IDENTITY), sequences with options and OWNED BY, generated and collated columns, separate CREATE INDEX
 * (methods, opclass, COLLATE, INCLUDE, NULLS NOT DISTINCT), COMMENT ON every model object kind, range/list/hash
 * partitions declared or ATTACHed, RLS (enabled, forced) with policies of every kind, objects the model keeps
 * as SQL (domain, composite type, function, trigger, view) interleaved with the rest, and identifiers that are unquoted upper case (folded), quoted mixed case, with spaces, Unicode, reserved
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
  /** Generated or fed by a sequence: ALTER COLUMN ... SET DEFAULT does not apply. */
  fed?: boolean;
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
  let domain: string | undefined;
  if (r.bool(20)) {
    domain = q(ident(r, 'posint', relNames));
    out.push(`CREATE DOMAIN ${domain} AS integer${r.bool() ? ' DEFAULT 1' : ''} CHECK (VALUE > 0);`);
  }
  let composite: string | undefined;
  if (r.bool(15)) {
    composite = q(ident(r, 'pair', relNames));
    out.push(`CREATE TYPE ${composite} AS (a integer, b text);`);
  }
  let sharedSeq: Ident | undefined;
  if (r.bool(25)) {
    sharedSeq = ident(r, 'shared_seq', relNames);
    const opts = [r.pick(['', ' AS integer', ' AS smallint', ' AS bigint']), r.pick(['', ' INCREMENT BY 5', ' INCREMENT BY -1']), r.pick(['', ' START WITH 100']), r.pick(['', ' CACHE 20']), r.pick(['', ' CYCLE', ' NO CYCLE'])];
    // A descending sequence needs a start within its range.
    if (opts[1] === ' INCREMENT BY -1') opts[2] = r.pick(['', ' START WITH -100']);
    out.push(`CREATE SEQUENCE ${q(sharedSeq)}${opts.join('')};`);
    if (r.bool()) out.push(`ALTER SEQUENCE ${q(sharedSeq)} ${r.pick(['MAXVALUE 30000', 'CACHE 7', 'NO CYCLE', 'INCREMENT BY 2'])};`);
    if (r.bool(30)) out.push(`COMMENT ON SEQUENCE ${q(sharedSeq)} IS 'shared';`);
  }
  if (r.bool(15)) out.push(`COMMENT ON SCHEMA ${schema} IS 'schema ${seed}';`);
  if (enumName && r.bool(30)) out.push(`COMMENT ON TYPE ${q(enumName)} IS 'moods';`);
  const tables: Tbl[] = [];
  const tableCount = r.int(1, 4);
  for (let t = 0; t < tableCount; t++) {
    const colNames = new Set<string>();
    const tbl: Tbl = { name: ident(r, `t${t}`, relNames), cols: [] };
    const lines: string[] = [];
    /** Constraint names written in this table's statements (as SQL), for COMMENT ON CONSTRAINT. */
    const named: string[] = [];
    const conName = (base: string) => { const id = ident(r, base, relNames).sql; named.push(id); return id; };
    // The key column, written one of many ways.
    const keyName = ident(r, 'id', colNames);
    const keyStyle = r.int(0, 8);
    const key: Col = { name: keyName, type: keyStyle === 1 ? 'bigint' : keyStyle === 7 ? 'smallint' : 'integer', kind: 'int', notNull: true };
    tbl.cols.push(key);
    tbl.pk = key;
    tbl.pkInline = keyStyle !== 1 && keyStyle !== 3 && keyStyle !== 8;
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
      case 5: lines.push(`${keyName.sql} int`); lines.push(`CONSTRAINT ${conName('pk')} PRIMARY KEY (${keyName.sql})`); break;
      case 7: lines.push(`${keyName.sql} smallserial PRIMARY KEY`); break;
      case 8: {
        // pg_dump's identity: the column first, the identity and its sequence options added by ALTER TABLE.
        const seq = ident(r, 'ident_seq', relNames);
        lines.push(`${keyName.sql} integer NOT NULL`);
        after.push(`ALTER TABLE ${q(tbl.name)} ALTER COLUMN ${keyName.sql} ADD GENERATED ${r.pick(['ALWAYS', 'BY DEFAULT'])} AS IDENTITY (\n    SEQUENCE NAME ${q(seq)}\n    START WITH ${r.pick(['1', '10'])}\n    INCREMENT BY ${r.pick(['1', '3'])}\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1\n);`);
        after.push(`ALTER TABLE ONLY ${q(tbl.name)} ADD CONSTRAINT ${ident(r, 'pk', relNames).sql} PRIMARY KEY (${keyName.sql});`);
        break;
      }
      default: lines.push(`${keyName.sql} int PRIMARY KEY`);
    }
    const colCount = r.int(1, 6);
    for (let c = 0; c < colCount; c++) {
      const special = r.int(0, 19);
      const [type, kind] = enumName && special === 0 ? [q(enumName), 'other' as const]
        : domain && special === 1 ? [domain, 'other' as const]
        : composite && special === 2 ? [composite, 'other' as const]
        : r.pick(TYPES);
      const col: Col = { name: ident(r, `c${c}`, colNames), type, kind, notNull: r.bool(30) };
      tbl.cols.push(col);
      let line = `${col.name.sql} ${type}`;
      if (kind === 'text' && r.bool(20)) line += ` COLLATE ${r.pick(['"C"', '"POSIX"', 'pg_catalog."default"'])}`;
      const numeric = tbl.cols.find((x) => x !== col && (x.type === 'integer' || x.type === 'bigint'));
      if (numeric && (kind === 'int' || kind === 'num') && r.bool(10)) {
        // A generated column: no default, no identity; NOT NULL and CHECK may still apply.
        col.fed = true;
        lines.push(`${line} GENERATED ALWAYS AS (${numeric.name.sql} * 2) STORED${col.notNull ? ' NOT NULL' : ''}`);
        continue;
      }
      if (sharedSeq && kind === 'int' && r.bool(15)) {
        col.fed = true;
        lines.push(`${line} DEFAULT nextval('${schema}.${sharedSeq.sql.replace(/'/g, "''")}'::regclass)${col.notNull ? ' NOT NULL' : ''}`);
        continue;
      }
      if (col.notNull) line += ' NOT NULL';
      const def = r.bool(35) ? defaultFor(r, col) : undefined;
      if (def) line += ` DEFAULT ${def}`;
      const check = r.bool(20) ? checkFor(r, col) : undefined;
      if (check) line += (r.bool() ? ` CHECK (${check})` : ` CONSTRAINT ${conName('ck')} CHECK (${check})`) + (r.bool(15) ? ' NO INHERIT' : '');
      if (r.bool(12) && kind !== 'other') line += r.pick([' UNIQUE', ' UNIQUE', ' UNIQUE DEFERRABLE', ' UNIQUE DEFERRABLE INITIALLY DEFERRED']);
      const inlineTargets = tables.filter((x) => x.pkInline);
      const target = inlineTargets.length && kind === 'int' && r.bool(40) ? r.pick(inlineTargets) : undefined;
      if (target && target.pk && col.type === target.pk.type) line += ` REFERENCES ${q(target.name)}${r.bool() ? ` (${target.pk.name.sql})` : ''}${r.pick(ACTIONS)}`;
      lines.push(line);
    }
    // Table-level constraints, unnamed or named.
    const plain = tbl.cols.filter((c) => c.type !== 'jsonb' && !c.type.endsWith('[]') && c.kind !== 'other');
    if (plain.length >= 2 && r.bool(35)) {
      const [a, b] = [plain[plain.length - 1]!, plain[plain.length - 2]!];
      lines.push(`${r.bool() ? '' : `CONSTRAINT ${conName('uq')} `}UNIQUE ${r.bool(20) ? 'NULLS NOT DISTINCT ' : ''}(${a.name.sql}, ${b.name.sql})`);
    }
    const nums = tbl.cols.filter((c) => c.kind === 'int' || c.kind === 'num');
    if (nums.length >= 2 && r.bool(30)) lines.push(`CHECK (${nums[0]!.name.sql} <> ${nums[1]!.name.sql})`);
    if (r.bool(15)) lines.push('CHECK (true)');
    out.push(`CREATE TABLE ${q(tbl.name)} (\n  ${lines.join(',\n  ')}\n);`);
    tables.push(tbl);

    // Separate statements: foreign keys, indexes, comments, RLS.
    const ints = tbl.cols.filter((c) => c.type === 'integer' && c !== tbl.pk && !c.fed);
    if (tables.length > 1 && ints.length && r.bool(40)) {
      const target = r.pick(tables.filter((x) => x !== tbl && x.pk?.type === 'integer').concat([]));
      if (target) after.push(`ALTER TABLE ${q(tbl.name)} ADD ${r.bool() ? '' : `CONSTRAINT ${ident(r, 'fk', relNames).sql} `}FOREIGN KEY (${ints[0]!.name.sql}) REFERENCES ${q(target.name)}(${target.pk!.name.sql})${r.bool(20) ? ' MATCH FULL' : ''}${r.pick(ACTIONS)}${r.pick(['', '', ' DEFERRABLE', ' DEFERRABLE INITIALLY DEFERRED'])};`);
    }
    // ALTER TABLE ... ALTER COLUMN forms on ordinary columns (not the key, not generated or sequence-fed ones).
    const plainCols = tbl.cols.filter((c) => c !== tbl.pk && !c.fed && !c.type.includes('.'));
    if (plainCols.length && r.bool(35)) {
      const c = r.pick(plainCols);
      const def = defaultFor(r, c);
      const cmds = [
        ...(def ? [`ALTER COLUMN ${c.name.sql} SET DEFAULT ${def}`] : []),
        c.notNull ? `ALTER COLUMN ${c.name.sql} DROP NOT NULL` : `ALTER COLUMN ${c.name.sql} SET NOT NULL`,
      ];
      // pg_dump writes one subcommand per statement; people often write several.
      if (r.bool()) after.push(`ALTER TABLE ${q(tbl.name)} ${cmds.join(', ')};`);
      else for (const cmd of cmds) after.push(`ALTER TABLE ONLY ${q(tbl.name)} ${cmd};`);
      if (def && r.bool(30)) after.push(`ALTER TABLE ${q(tbl.name)} ALTER COLUMN ${c.name.sql} DROP DEFAULT;`);
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
        const brin = col.kind === 'int' || col.kind === 'num' || col.kind === 'time';
        const method = col.kind === 'other' || unique ? '' : r.pick(['', '', '', ' USING btree', ' USING hash', ...(brin ? [' USING brin'] : [])]);
        const single = method === ' USING hash' || method === ' USING brin';
        const order = method && method !== ' USING btree' ? '' : r.pick(['', ' DESC', ' NULLS FIRST', ' DESC NULLS LAST']);
        const pattern = col.type === 'text' ? 'text_pattern_ops' : col.type.startsWith('varchar') || col.type.startsWith('character varying') ? 'varchar_pattern_ops' : col.type.startsWith('char') ? 'bpchar_pattern_ops' : undefined;
        const opclass = pattern && !method && r.bool(20) ? ` ${pattern}` : '';
        const collate = col.kind === 'text' && !opclass && !method && r.bool(15) ? ' COLLATE "C"' : '';
        const include = !method && other !== col && r.bool(20);
        const second = other !== col && !single && !include ? `, ${other.name.sql}` : '';
        const nnd = unique && r.bool(30) ? ' NULLS NOT DISTINCT' : '';
        after.push(`CREATE ${unique}INDEX ${name}ON ${q(tbl.name)}${method} (${col.name.sql}${collate}${opclass}${order}${second})${include ? ` INCLUDE (${other.name.sql})` : ''}${nnd};`);
        if (name && r.bool(25)) after.push(`COMMENT ON INDEX ${schema}.${name.trim()} IS 'index';`);
      }
    }
    if (r.bool(30)) after.push(`COMMENT ON TABLE ${q(tbl.name)} IS 'table ${t}';`);
    if (r.bool(30)) after.push(`COMMENT ON COLUMN ${q(tbl.name)}.${r.pick(tbl.cols).name.sql} IS 'a column''s comment';`);
    if (named.length && r.bool(25)) after.push(`COMMENT ON CONSTRAINT ${r.pick(named)} ON ${q(tbl.name)} IS 'constraint';`);
    if (r.bool(20)) {
      const rls = r.pick(['ENABLE ROW LEVEL SECURITY', 'ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', 'FORCE ROW LEVEL SECURITY']);
      after.push(`ALTER TABLE ${q(tbl.name)} ${rls};`);
      const policyNames = new Set<string>();
      for (let i = r.int(1, 3); i > 0; i--) {
        const pol = ident(r, 'pol', policyNames);
        const key = tbl.pk!.name.sql;
        const form = r.pick([
          `FOR SELECT USING (${key} > 0)`,
          `AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (${key} > 0) WITH CHECK (${key} < 1000000)`,
          `AS PERMISSIVE FOR INSERT TO current_user WITH CHECK (true)`,
          `FOR DELETE TO session_user USING (${key} <> 7)`,
          `USING (${key} IS NOT NULL)`,
          `FOR ALL TO PUBLIC USING (true) WITH CHECK (${key} > 0)`,
        ]);
        after.push(`CREATE POLICY ${pol.sql} ON ${q(tbl.name)} ${form};`);
        if (r.bool(20)) after.push(`COMMENT ON POLICY ${pol.sql} ON ${q(tbl.name)} IS 'policy';`);
      }
    }
    if (r.bool(10)) {
      // Objects the model keeps as SQL, between model statements: a trigger function and its trigger.
      const fn = `${schema}.${ident(r, 'touch', relNames).sql}`;
      after.push(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`);
      after.push(`CREATE TRIGGER ${ident(r, 'trg', new Set()).sql} BEFORE INSERT OR UPDATE ON ${q(tbl.name)} FOR EACH ROW EXECUTE FUNCTION ${fn}();`);
    }
    if (r.bool(15)) after.push(`ALTER TABLE ${q(tbl.name)} ADD COLUMN ${ident(r, 'added', colNames).sql} text DEFAULT 'new' NOT NULL;`);
  }
  if (r.bool(35)) {
    const p = ident(r, 'events', relNames);
    const strategy = r.int(0, 3);
    const key = ['RANGE (at)', 'LIST (note)', 'HASH (k)', 'LIST (lower(note))'][strategy]!;
    out.push(`CREATE TABLE ${q(p)} (k integer NOT NULL, at date NOT NULL, note text) PARTITION BY ${key};`);
    const bounds = [
      ["FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "FOR VALUES FROM (MINVALUE) TO ('2024-01-01')"],
      ["FOR VALUES IN ('a', 'b')", 'FOR VALUES IN (NULL)'],
      ['FOR VALUES WITH (MODULUS 2, REMAINDER 0)', 'FOR VALUES WITH (MODULUS 2, REMAINDER 1)'],
      ["FOR VALUES IN ('x')", "FOR VALUES IN ('y', 'z')"],
    ][strategy]!;
    out.push(`CREATE TABLE ${q(ident(r, 'events_a', relNames))} PARTITION OF ${q(p)} ${bounds[0]};`);
    const b = ident(r, 'events_b', relNames);
    if (r.bool()) {
      // pg_dump's form: a table of its own, attached afterwards.
      out.push(`CREATE TABLE ${q(b)} (k integer NOT NULL, at date NOT NULL, note text);`);
      after.push(`ALTER TABLE ONLY ${q(p)} ATTACH PARTITION ${q(b)} ${bounds[1]};`);
    } else {
      out.push(`CREATE TABLE ${q(b)} PARTITION OF ${q(p)} ${bounds[1]};`);
    }
    if (strategy !== 2 && r.bool()) out.push(`CREATE TABLE ${q(ident(r, 'events_other', relNames))} PARTITION OF ${q(p)} DEFAULT;`);
    if (r.bool()) after.push(`CREATE INDEX ON ${q(p)} (k);`);
    if (r.bool(30)) after.push(`COMMENT ON TABLE ${q(p)} IS 'partitioned';`);
  }
  if (r.bool(20)) after.push(`CREATE VIEW ${schema}.${ident(r, 'v', relNames).sql} AS SELECT 1 AS one;`);
  return [...out, ...after].join('\n') + '\n';
}
