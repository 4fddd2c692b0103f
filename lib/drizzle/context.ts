/**
 * EmitContext is the state of one emission: the model lookups, the identifier scopes, the pg-core
 * imports used so far, the custom types declared, and the extras collected. Names are assigned in a
 * first pass (`assignNames`) so any table can reference any other's columns regardless of order.
 */
import type { Column, ForeignKey, Model, ModelIndex, Policy, Table } from '@/lib/model';
import type { AddedPolicy } from './index';
import { TextBuilder } from '@/lib/sql/text';
import { createRoleIfMissing } from '@/lib/sql/role';
import { Extras } from './extras';
import { Namer, TABLE_MEMBER_NAMES, camelIdentifier } from './names';

/** Every identifier the files import or use themselves, so no model name can shadow one. */
const RESERVED_TOP = [
  'sql', 'relations', 't', 'one', 'many', 'customType', 'pgTable', 'pgSchema', 'pgEnum', 'pgSequence', 'pgPolicy', 'pgRole',
  'primaryKey', 'unique', 'check', 'foreignKey', 'index', 'uniqueIndex', 'PgTableExtraConfigValue',
  'smallint', 'integer', 'bigint', 'numeric', 'real', 'doublePrecision', 'text', 'varchar', 'char', 'boolean', 'date',
  'time', 'timestamp', 'interval', 'uuid', 'json', 'jsonb', 'inet', 'cidr', 'macaddr', 'macaddr8', 'point', 'line',
];

/** keyBit is one of 32 bits chosen by a key's length and first and last characters. */
function keyBit(key: string): number {
  return 1 << ((key.length + key.charCodeAt(0) * 7 + key.charCodeAt(key.length - 1) * 13) & 31);
}

/**
 * TableKeys are the property names of one table's columns, in column order. A table has a handful of
 * columns, so a scan finds one faster than a map per table is built; wide tables get a map.
 */
export class TableKeys {
  private byId?: Map<string, string>;
  /** The table's relations.ts state, kept here so a large model needs no second map per table. */
  relations?: TableRelations;

  /** `table` and `name` (its variable) are here too: a foreign key's target is then one lookup. */
  constructor(readonly table: Table, readonly name: string, readonly columns: readonly Column[], readonly keys: readonly string[]) {
    let signature = 0;
    for (const key of keys) signature |= keyBit(key);
    this.signature = signature;
  }

  /**
   * keyOf is the key of the column with this id: the first one, should ids repeat (as ModelIndex.column
   * finds it). Scanning from the front finds a referenced primary key at once, and the column the
   * drizzle-kit checks just read is still in the cache; on a large model the rest are not.
   */
  keyOf(columnId: string): string | undefined {
    const { columns, keys } = this;
    if (columns.length <= 24) {
      for (let i = 0; i < columns.length; i++) if (columns[i]!.id === columnId) return keys[i];
      return undefined;
    }
    if (!this.byId) {
      this.byId = new Map();
      for (let i = 0; i < columns.length; i++) if (!this.byId.has(columns[i]!.id)) this.byId.set(columns[i]!.id, keys[i]!);
    }
    return this.byId.get(columnId);
  }

  /** has tells whether a key is taken, so a Namer can use this table's keys as its reserved names. */
  has(key: string): boolean {
    // The relations of a large model ask this of tables all over it: the signature answers most
    // questions without reading each key (each a cache miss there).
    if ((this.signature & keyBit(key)) === 0) return false;
    return this.keys.includes(key);
  }

  /** signature has the keyBit of every key. */
  private readonly signature: number;
}

/** TableRelations is one table's relation keys scope, which helpers it uses, and its lines (edge * 2 + 1 for many). */
export interface TableRelations {
  readonly namer: Namer;
  one: boolean;
  many: boolean;
  readonly lines: number[];
}

export interface CustomTypeDecl {
  readonly name: string;
  readonly sqlType: string;
  readonly data: string;
}

export class EmitContext {
  readonly top = new Namer(RESERVED_TOP);
  readonly pgCore = new Set<string>();
  sqlUsed = false;
  readonly extras = new Extras();
  /** Non-public schema id -> variable; `exported` false when extras-before.sql creates the schema. */
  readonly schemaVars = new Map<string, { name: string; exported: boolean }>();
  readonly enumVars = new Map<string, string>();
  readonly sequenceVars = new Map<string, string>();
  /** Tables emitted as pgTable (partitions are not), by id: their variable and column keys (see TableKeys). */
  readonly columnKeys = new Map<string, TableKeys>();
  readonly roleVars = new Map<string, string>();
  readonly customTypes = new Map<string, CustomTypeDecl>();
  private readonly refs = new Map<ForeignKey, string[]>();
  private readonly fields = new Map<ForeignKey, string[]>();
  private readonly openers = new Map<string, string>();
  /** The builder generated text is written into (one text at a time: see TextBuilder.take). */
  readonly text = new TextBuilder();

  /** Policies from EmitDrizzleOptions.policies by table id, as model policies; and the roles they name. */
  readonly addedPolicies = new Map<string, Policy[]>();
  readonly addedRoles = new Set<string>();

  constructor(readonly model: Model, readonly idx: ModelIndex, added: readonly AddedPolicy[] = []) {
    for (const { tableId, name, command, roles, using, withCheck } of added) {
      let list = this.addedPolicies.get(tableId);
      if (!list) this.addedPolicies.set(tableId, (list = []));
      list.push({ id: `${tableId}:${name}`, name, command, roles: [...roles], ...(using !== undefined ? { using } : {}), ...(withCheck !== undefined ? { withCheck } : {}) });
      for (const r of roles) this.addedRoles.add(r);
    }
    // pgRole(...).existing() names roles drizzle-kit never creates: the declared ones (the DDL creates them
    // too) and those of the added policies must exist before the migration.
    const created = new Set<string>();
    for (const r of [...(model.roles ?? []).map((role) => role.name), ...this.addedRoles]) {
      if (SPECIAL_ROLES.has(r) || created.has(r)) continue;
      created.add(r);
      this.extras.add('roles', `${createRoleIfMissing(r)};`);
    }
  }

  /** opener is `: fn("`, how a column's builder call starts (the few builders are each rendered once). */
  opener(fn: string): string {
    let text = this.openers.get(fn);
    if (text === undefined) {
      text = `: ${fn}("`;
      this.openers.set(fn, text);
    }
    return text;
  }

  use(name: string): string {
    this.pgCore.add(name);
    return name;
  }

  sql(): void {
    this.sqlUsed = true;
  }

  schemaName(schemaId: string): string {
    return this.idx.schemaName(schemaId) ?? 'public';
  }

  /** tableFactory is `pgTable` for public tables, `<schemaVar>.table` otherwise. */
  factory(schemaId: string, kind: 'table' | 'enum' | 'sequence'): string {
    const s = this.schemaVars.get(schemaId);
    if (s) return `${s.name}.${kind}`;
    return this.use(kind === 'table' ? 'pgTable' : kind === 'enum' ? 'pgEnum' : 'pgSequence');
  }

  columnKey(table: Table, columnId: string): string {
    return this.columnKeys.get(table.id)?.keyOf(columnId) ?? 'missing';
  }

  /**
   * refKeys are the keys of the columns a foreign key references, found once per key: schema.ts and
   * relations.ts both name them, and on a large model each lookup in another table is a cache miss.
   */
  refKeys(fk: ForeignKey, target: TableKeys): readonly string[] {
    return keysOf(this.refs, fk, target, fk.refColumnIds);
  }

  /** fieldKeys are the keys of a foreign key's own columns, found once per key like refKeys. */
  fieldKeys(fk: ForeignKey, table: Table): readonly string[] {
    let keys = this.fields.get(fk);
    if (keys === undefined) {
      const ids = fk.columnIds;
      keys = new Array<string>(ids.length);
      for (let i = 0; i < ids.length; i++) keys[i] = this.columnKey(table, ids[i]!);
      this.fields.set(fk, keys);
    }
    return keys;
  }

  customType(sqlType: string, data: string): string {
    const found = this.customTypes.get(sqlType);
    if (found) return found.name;
    const name = this.top.take(`${camelIdentifier(sqlType, 'custom')}Type`);
    this.customTypes.set(sqlType, { name, sqlType, data });
    this.use('customType');
    return name;
  }
}

function keysOf(found: Map<ForeignKey, string[]>, fk: ForeignKey, table: TableKeys, ids: readonly string[]): readonly string[] {
  let keys = found.get(fk);
  if (keys === undefined) {
    keys = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) keys[i] = table.keyOf(ids[i]!) ?? 'missing';
    found.set(fk, keys);
  }
  return keys;
}

/** SPECIAL_ROLES are written as strings in `to:`; pgRole would quote them into ordinary role names. */
export const SPECIAL_ROLES: ReadonlySet<string> = new Set(['public', 'current_user', 'current_role', 'session_user']);

/** assignNames gives every schema, enum, sequence, role, table and column its identifier, in model order. */
export function assignNames(ctx: EmitContext, schemasBefore: ReadonlySet<string>): void {
  const { model } = ctx;
  for (const s of model.schemas) {
    if (s.name === 'public') continue;
    ctx.schemaVars.set(s.id, { name: ctx.top.take(`${camelIdentifier(s.name, 'schema')}Schema`), exported: !schemasBefore.has(s.id) });
  }
  for (const e of model.enums ?? []) ctx.enumVars.set(e.id, ctx.top.take(`${camelIdentifier(e.name, 'enum')}Enum`));
  for (const s of model.sequences ?? []) ctx.sequenceVars.set(s.id, ctx.top.take(`${camelIdentifier(s.name, 'sequence')}Sequence`));
  const roleNames = new Set<string>();
  for (const r of model.roles ?? []) roleNames.add(r.name);
  for (const t of model.tables) for (const p of t.policies ?? []) for (const r of p.roles ?? []) roleNames.add(r);
  for (const r of ctx.addedRoles) roleNames.add(r);
  for (const r of roleNames) {
    if (!SPECIAL_ROLES.has(r)) ctx.roleVars.set(r, ctx.top.take(`${camelIdentifier(r, 'role')}Role`));
  }
  for (const t of model.tables) {
    if (t.partitionOf) continue;
    const name = ctx.top.take(camelIdentifier(t.name, 'table'));
    const namer = new Namer(TABLE_MEMBER_NAMES);
    const keys: string[] = [];
    for (const c of t.columns) keys.push(namer.take(camelIdentifier(c.name, 'column')));
    ctx.columnKeys.set(t.id, new TableKeys(t, name, t.columns, keys));
  }
}
