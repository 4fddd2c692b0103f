/**
 * Name rules: every name is 1-63 bytes without NUL (PostgreSQL truncates longer names silently),
 * unique in its namespace, and not reserved. PostgreSQL namespaces, per schema: pg_class holds
 * tables, sequences and indexes (a PRIMARY KEY or UNIQUE constraint makes an index of its name);
 * pg_type holds tables (their row type) and enums. Per table: columns, constraints, policies.
 */
import { utf8ByteLength } from '../bytes';
import type { RuleContext } from './context';
import { describeName } from './context';

export const MAX_NAME_BYTES = 63;
export const SYSTEM_COLUMNS: ReadonlySet<string> = new Set(['tableoid', 'xmin', 'cmin', 'xmax', 'cmax', 'ctid']);

export function nameBytes(name: string): number {
  return utf8ByteLength(name);
}

interface NamedThing { readonly name: string; readonly path: string; readonly id?: string; readonly what: string }

/** checkName reports an empty, NUL-containing or over-long name at `path`. */
export function checkName(ctx: RuleContext, name: string, path: string, id: string | undefined, allowEmpty = false): void {
  if (name === '' && !allowEmpty) ctx.error('name-empty', 'name is empty', path, id);
  if (name.includes('\u0000')) ctx.error('name-nul', 'name contains a NUL character, which PostgreSQL does not allow', path, id);
  const bytes = nameBytes(name);
  if (bytes > MAX_NAME_BYTES) ctx.error('name-too-long', `name is ${bytes} bytes; PostgreSQL keeps only ${MAX_NAME_BYTES}`, path, id);
}

/** Namespace reports the second and later uses of a name, pointing at the first. */
class Namespace {
  private readonly seen = new Map<string, NamedThing>();
  constructor(private readonly ctx: RuleContext, private readonly label: string) {}

  /** add registers a name; returns true when it was a duplicate (reported unless `report` is false). */
  add(thing: NamedThing, report = true): boolean {
    if (thing.name === '') return false;
    const first = this.seen.get(thing.name);
    if (!first) {
      this.seen.set(thing.name, thing);
      return false;
    }
    if (report) this.ctx.error('name-duplicate', `${thing.what} name ${describeName(thing.name)} is already used by ${first.what} ${first.path} (${this.label})`, `${thing.path}.name`, thing.id);
    return true;
  }
}

export function nameRules(ctx: RuleContext): void {
  const { model } = ctx;
  const schemas = new Namespace(ctx, 'schema names are unique');
  model.schemas.forEach((s, i) => {
    const path = `schemas[${i}]`;
    checkName(ctx, s.name, `${path}.name`, s.id);
    schemas.add({ name: s.name, path, id: s.id, what: 'schema' });
    if (s.name.startsWith('pg_')) ctx.error('name-reserved', `schema name ${describeName(s.name)}: the prefix "pg_" is reserved for system schemas`, `${path}.name`, s.id);
    if (s.name === 'information_schema') ctx.error('name-reserved', 'schema "information_schema" already exists in every database', `${path}.name`, s.id);
  });

  const relations = new Map<string, Namespace>();
  const types = new Map<string, Namespace>();
  const schemaLabel = (schemaId: string, kind: string) => `${kind} share one namespace per schema; schema ${describeName(ctx.index.schemaName(schemaId) ?? schemaId)}`;
  const rel = (schemaId: string) => relations.get(schemaId) ?? relations.set(schemaId, new Namespace(ctx, schemaLabel(schemaId, 'tables, sequences, indexes and primary key/unique constraints'))).get(schemaId)!;
  const typ = (schemaId: string) => types.get(schemaId) ?? types.set(schemaId, new Namespace(ctx, schemaLabel(schemaId, 'tables and types'))).get(schemaId)!;

  const extensions = new Namespace(ctx, 'extensions are unique per database');
  (model.extensions ?? []).forEach((e, i) => {
    checkName(ctx, e.name, `extensions[${i}].name`, e.id);
    extensions.add({ name: e.name, path: `extensions[${i}]`, id: e.id, what: 'extension' });
  });
  const roles = new Namespace(ctx, 'role names are unique per cluster');
  (model.roles ?? []).forEach((r, i) => {
    checkName(ctx, r.name, `roles[${i}].name`, r.id);
    roles.add({ name: r.name, path: `roles[${i}]`, id: r.id, what: 'role' });
  });

  (model.enums ?? []).forEach((e, i) => {
    const path = `enums[${i}]`;
    checkName(ctx, e.name, `${path}.name`, e.id);
    typ(e.schemaId).add({ name: e.name, path, id: e.id, what: 'enum' });
    const labels = new Set<string>();
    e.values.forEach((label, j) => {
      const bytes = nameBytes(label);
      if (bytes > MAX_NAME_BYTES) ctx.error('enum-label', `label is ${bytes} bytes; PostgreSQL allows at most ${MAX_NAME_BYTES}`, `${path}.values[${j}]`, e.id);
      if (label.includes('\u0000')) ctx.error('enum-label', 'label contains a NUL character', `${path}.values[${j}]`, e.id);
      if (labels.has(label)) ctx.error('enum-label', `label ${describeName(label)} appears twice`, `${path}.values[${j}]`, e.id);
      labels.add(label);
    });
  });

  (model.sequences ?? []).forEach((s, i) => {
    checkName(ctx, s.name, `sequences[${i}].name`, s.id);
    rel(s.schemaId).add({ name: s.name, path: `sequences[${i}]`, id: s.id, what: 'sequence' });
  });

  model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    checkName(ctx, t.name, `${path}.name`, t.id);
    // One finding per clash: a table already reported against a relation is not reported again as a type.
    const clashed = rel(t.schemaId).add({ name: t.name, path, id: t.id, what: 'table' });
    typ(t.schemaId).add({ name: t.name, path, id: t.id, what: 'table' }, !clashed);
    tableNames(ctx, t, path, rel(t.schemaId));
  });
}

function tableNames(ctx: RuleContext, t: RuleContext['model']['tables'][number], path: string, relations: Namespace): void {
  const columns = new Namespace(ctx, 'column names are unique per table');
  t.columns.forEach((c, j) => {
    const cpath = `${path}.columns[${j}]`;
    checkName(ctx, c.name, `${cpath}.name`, c.id);
    columns.add({ name: c.name, path: cpath, id: c.id, what: 'column' });
    if (SYSTEM_COLUMNS.has(c.name)) ctx.error('name-reserved', `column name ${describeName(c.name)} is a system column name`, `${cpath}.name`, c.id);
    if (c.identity?.sequenceName !== undefined) {
      checkName(ctx, c.identity.sequenceName, `${cpath}.identity.sequenceName`, c.id);
      relations.add({ name: c.identity.sequenceName, path: `${cpath}.identity`, id: c.id, what: 'identity sequence' });
    }
    if (c.collation !== undefined) checkName(ctx, c.collation, `${cpath}.collation`, c.id);
  });

  const constraints = new Namespace(ctx, 'constraint names are unique per table');
  const addConstraint = (name: string, cpath: string, id: string, what: string, makesIndex: boolean) => {
    checkName(ctx, name, `${cpath}.name`, id);
    constraints.add({ name, path: cpath, id, what });
    if (makesIndex) relations.add({ name, path: cpath, id, what: `${what} (its index)` });
  };
  if (t.primaryKey) addConstraint(t.primaryKey.name, `${path}.primaryKey`, t.primaryKey.id, 'primary key', true);
  t.uniques?.forEach((u, j) => addConstraint(u.name, `${path}.uniques[${j}]`, u.id, 'unique constraint', true));
  t.checks?.forEach((c, j) => addConstraint(c.name, `${path}.checks[${j}]`, c.id, 'check constraint', false));
  t.foreignKeys?.forEach((f, j) => addConstraint(f.name, `${path}.foreignKeys[${j}]`, f.id, 'foreign key', false));
  t.indexes?.forEach((ix, j) => {
    checkName(ctx, ix.name, `${path}.indexes[${j}].name`, ix.id);
    relations.add({ name: ix.name, path: `${path}.indexes[${j}]`, id: ix.id, what: 'index' });
  });

  const policies = new Namespace(ctx, 'policy names are unique per table');
  t.policies?.forEach((p, j) => {
    const ppath = `${path}.policies[${j}]`;
    checkName(ctx, p.name, `${ppath}.name`, p.id);
    policies.add({ name: p.name, path: ppath, id: p.id, what: 'policy' });
    p.roles?.forEach((role, k) => checkName(ctx, role, `${ppath}.roles[${k}]`, p.id));
  });
}
