/**
 * Table emission: `pgTable`/`schema.table` with its columns, and the extra-config callback holding the
 * primary key, uniques, checks, foreign keys, indexes and policies. Options Drizzle lacks are kept in
 * schema.ts where the rest is expressible and completed in extras.sql; an index it cannot express at all
 * lives in extras.sql only.
 */
import type { ForeignKey, Index, IndexElement, Policy, Table } from '@/lib/model';
import { quoteIdent } from '@/lib/sql/quote';
import { SPECIAL_ROLES, type EmitContext } from './context';
import { addColumn } from './columns';
import { checkSql, createIndexSql, createPolicySql, foreignKeySql, tableSql, uniqueSql } from './sql-fragments';
import { checkSurvivesDrizzleKit, foreignKeySurvivesDrizzleKit, indexSurvivesDrizzleKit, policySurvivesDrizzleKit, uniqueSurvivesDrizzleKit } from './drizzle-kit-limits';
import type { TextBuilder } from '@/lib/sql/text';
import { addSqlTemplate, addString, sqlTemplate, tsComment, tsString } from './ts';

const I = '  ';
const CONFIG_START = ', (t): PgTableExtraConfigValue[] => [\n';

/** addCols writes `t.a, t.b` for columns of a table. */
function addCols(out: TextBuilder, ctx: EmitContext, table: Table, ids: readonly string[]): TextBuilder {
  for (let i = 0; i < ids.length; i++) out.add(i === 0 ? 't.' : ', t.').add(ctx.columnKey(table, ids[i]!));
  return out;
}

/** addMembers writes `param.a, param.b` for keys of a table's columns. */
export function addMembers(out: TextBuilder, param: string, keys: readonly string[]): TextBuilder {
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out.add(', ');
    out.add(param).add('.').add(keys[i]!);
  }
  return out;
}

function indexElement(ctx: EmitContext, table: Table, el: IndexElement): string {
  // drizzle-kit drops DESC and NULLS from an element that has an operator class, so such an element is SQL.
  const opclassWithOrder = el.opclass !== undefined && (el.order !== undefined || el.nulls !== undefined);
  if (el.columnId !== undefined && el.collation === undefined && !opclassWithOrder) {
    let out = `t.${ctx.columnKey(table, el.columnId)}`;
    if (el.opclass !== undefined) out += `.op(${tsString(el.opclass)})`;
    if (el.order === 'desc') out += '.desc()';
    // drizzle-kit writes a bare .desc() as DESC NULLS LAST; PostgreSQL's default for DESC is NULLS FIRST.
    const nulls = el.nulls ?? (el.order === 'desc' ? 'first' : undefined);
    if (nulls !== undefined) out += nulls === 'first' ? '.nullsFirst()' : '.nullsLast()';
    return out;
  }
  // Expressions, and columns with a collation, are written as SQL: the element exactly as PostgreSQL reads it.
  ctx.sql();
  const head = el.columnId !== undefined ? quoteIdent(ctx.idx.column(table, el.columnId)?.name ?? el.columnId) : `(${el.expression ?? ''})`;
  const parts = [head];
  if (el.collation !== undefined) parts.push(`COLLATE ${quoteIdent(el.collation)}`);
  if (el.opclass !== undefined) parts.push(el.opclass);
  if (el.order === 'desc') parts.push('DESC');
  if (el.nulls !== undefined) parts.push(el.nulls === 'first' ? 'NULLS FIRST' : 'NULLS LAST');
  return sqlTemplate(parts.join(' '));
}

/** indexInDrizzle is false for indexes Drizzle cannot build (INCLUDE, NULLS NOT DISTINCT). */
export function indexInDrizzle(index: Index): boolean {
  return !(index.include?.length || index.nullsNotDistinct);
}

function addIndexEntry(out: TextBuilder, ctx: EmitContext, table: Table, index: Index): void {
  addString(out.add(ctx.use(index.unique ? 'uniqueIndex' : 'index')).add('('), index.name);
  const method = index.method ?? 'btree';
  if (method === 'btree') out.add(').on(');
  else addString(out.add(').using('), method).add(', ');
  for (let i = 0; i < index.elements.length; i++) {
    if (i > 0) out.add(', ');
    out.add(indexElement(ctx, table, index.elements[i]!));
  }
  out.add(')');
  if (index.where !== undefined) {
    ctx.sql();
    addSqlTemplate(out.add('.where('), `(${index.where})`).add(')');
  }
}

/**
 * startEntry starts an entry of the extra-config callback, opening the callback before the first
 * (whether a table has one is known only then). It returns true: entries started.
 */
function startEntry(out: TextBuilder, ctx: EmitContext, started: boolean): true {
  if (!started) {
    ctx.use('PgTableExtraConfigValue');
    out.add(CONFIG_START);
  }
  out.add(I);
  return true;
}

/**
 * addForeignKeyEntry writes the foreignKey() entry and returns true, or returns the comment line for a
 * key created in extras.sql (writing nothing), or false when the target is not a Drizzle table.
 */
function addForeignKeyEntry(out: TextBuilder, ctx: EmitContext, table: Table, fk: ForeignKey, started: boolean): string | boolean {
  // One lookup for the target table, its variable and its keys (each a cache miss on a large model).
  const info = ctx.columnKeys.get(fk.refTableId);
  if (!info) return false;
  const target = info.table;
  const targetVar = info.name;
  if (!foreignKeySurvivesDrizzleKit(ctx.idx, table, target, fk)) {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} ADD ${foreignKeySql(table, fk, ctx.idx)};`);
    return `// Foreign key ${tsComment(JSON.stringify(fk.name))} has names drizzle-kit would cut: created in extras.sql.`;
  }
  startEntry(out, ctx, started);
  addString(out.add(ctx.use('foreignKey')).add('({ name: '), fk.name).add(', columns: [');
  addMembers(out, 't', ctx.fieldKeys(fk, table)).add('], foreignColumns: [');
  addMembers(out, target.id === table.id ? 't' : targetVar, ctx.refKeys(fk, info)).add('] })');
  if (fk.onDelete && fk.onDelete !== 'no action') addString(out.add('.onDelete('), fk.onDelete).add(')');
  if (fk.onUpdate && fk.onUpdate !== 'no action') addString(out.add('.onUpdate('), fk.onUpdate).add(')');
  out.add(',\n');
  if (fk.match === 'full') {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} DROP CONSTRAINT ${quoteIdent(fk.name)}, ADD ${foreignKeySql(table, fk, ctx.idx)};`);
  } else if (fk.deferrable) {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} ALTER CONSTRAINT ${quoteIdent(fk.name)} DEFERRABLE${fk.initiallyDeferred ? ' INITIALLY DEFERRED' : ''};`);
  }
  return true;
}

function roleRef(ctx: EmitContext, role: string): string {
  return ctx.roleVars.get(role) ?? tsString(role);
}

function policyEntry(ctx: EmitContext, policy: Policy): string {
  const entries: string[] = [];
  if (policy.permissive === false) entries.push('as: "restrictive"');
  if (policy.command && policy.command !== 'all') entries.push(`for: ${tsString(policy.command)}`);
  const roles = policy.roles ?? [];
  if (roles.length) entries.push(`to: [${roles.map((r) => roleRef(ctx, r)).join(', ')}]`);
  if (policy.using !== undefined) { ctx.sql(); entries.push(`using: ${sqlTemplate(policy.using)}`); }
  if (policy.withCheck !== undefined) { ctx.sql(); entries.push(`withCheck: ${sqlTemplate(policy.withCheck)}`); }
  return `${ctx.use('pgPolicy')}(${tsString(policy.name)}${entries.length ? `, { ${entries.join(', ')} }` : ''})`;
}

/** uniqueKey identifies a unique's column list, to find one that repeats an earlier key's. */
function uniqueKey(columnIds: readonly string[]): string {
  return columnIds.join('\u0000');
}

/**
 * emitTable writes one exported table declaration into the builder: notes on what went to extras.sql,
 * then `export const x = pgTable(name, { columns }, (t) => [ keys, indexes, policies ])`. It returns
 * true when it had to put notes in front, which copies the builder's text (so take it then).
 */
export function emitTable(out: TextBuilder, ctx: EmitContext, table: Table): boolean {
  const start = out.size;
  // Notes are rare: the list exists only when there is one, and goes before the declaration at the end.
  let notes: string[] | undefined;
  if (table.partitionBy) {
    notes = [`// Partitioned by ${table.partitionBy.strategy.toUpperCase()} in the model: Drizzle cannot declare partitioning (see extras.sql).`];
  }
  // The table's SQL name is needed only for what goes to extras.sql.
  let sqlName: string | undefined;

  const { name, keys } = ctx.columnKeys.get(table.id)!;
  addString(out.add('export const ').add(name).add(' = ').add(ctx.factory(table.schemaId, 'table')).add('('), table.name).add(', {');
  // Keys by position (ids are unique in a valid model): no lookup per column.
  const columns = table.columns;
  for (let i = 0; i < columns.length; i++) addColumn(out.add(i === 0 ? '\n  ' : ',\n  '), ctx, table, columns[i]!, keys[i]!);
  out.add(columns.length === 0 ? '\n\n}' : ',\n}');

  // The extra-config callback opens before its first entry (startEntry).
  let config = false;
  if (table.primaryKey) {
    config = startEntry(out, ctx, config);
    addString(out.add(ctx.use('primaryKey')).add('({ name: '), table.primaryKey.name).add(', columns: [');
    addCols(out, ctx, table, table.primaryKey.columnIds).add('] }),\n');
  }
  // PostgreSQL silently drops a UNIQUE that repeats the columns of the primary key or of an earlier
  // UNIQUE in the same CREATE TABLE (which is how drizzle-kit writes them), so those go to extras.sql.
  const uniques = table.uniques;
  if (uniques?.length) {
    const keySets = new Set<string>(table.primaryKey ? [uniqueKey(table.primaryKey.columnIds)] : []);
    for (const u of uniques) {
      const key = uniqueKey(u.columnIds);
      // A deferrable unique is added after the migration: declared non-deferrable in schema.ts, foreign
      // keys would bind to it and it could no longer be replaced.
      const survives = uniqueSurvivesDrizzleKit(ctx.idx, table, u);
      if (keySets.has(key) || u.deferrable || !survives) {
        const why = !survives ? 'has a name drizzle-kit would cut' : u.deferrable ? 'is DEFERRABLE' : "repeats another key's columns";
        (notes ??= []).push(`// Unique ${tsComment(JSON.stringify(u.name))} ${why}: created in extras.sql.`);
        ctx.extras.add('constraints', `ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} ADD ${uniqueSql(table, u, ctx.idx)};`);
        continue;
      }
      keySets.add(key);
      config = startEntry(out, ctx, config);
      addString(out.add(ctx.use('unique')).add('('), u.name).add(').on(');
      addCols(out, ctx, table, u.columnIds).add(u.nullsNotDistinct ? ').nullsNotDistinct(),\n' : '),\n');
    }
  }
  for (const c of table.checks ?? []) {
    if (!checkSurvivesDrizzleKit(c)) {
      (notes ??= []).push(`// Check ${tsComment(JSON.stringify(c.name))} holds a ';' drizzle-kit would cut: created in extras.sql.`);
      ctx.extras.add('constraints', `ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} ADD ${checkSql(c)};`);
      continue;
    }
    ctx.sql();
    config = startEntry(out, ctx, config);
    addString(out.add(ctx.use('check')).add('('), c.name).add(', ');
    addSqlTemplate(out, c.expression).add('),\n');
    if (c.noInherit) ctx.extras.add('constraints', `ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} DROP CONSTRAINT ${quoteIdent(c.name)}, ADD ${checkSql(c)};`);
  }
  for (const fk of table.foreignKeys ?? []) {
    const note = addForeignKeyEntry(out, ctx, table, fk, config);
    if (note === true) config = true;
    else if (note) (notes ??= []).push(note);
    else if (note === false) ctx.extras.add('partitions', `-- ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} ADD ${foreignKeySql(table, fk, ctx.idx)};`);
  }
  for (const index of table.indexes ?? []) {
    if (indexInDrizzle(index) && indexSurvivesDrizzleKit(ctx.idx, table, index)) {
      config = startEntry(out, ctx, config);
      addIndexEntry(out, ctx, table, index);
      out.add(',\n');
    } else {
      const why = indexInDrizzle(index) ? "names or expressions drizzle-kit would cut (';', '--', ',,')" : 'INCLUDE / NULLS NOT DISTINCT';
      (notes ??= []).push(`// Index ${tsComment(JSON.stringify(index.name))} is created in extras.sql (${why}).`);
      ctx.extras.add('indexes', createIndexSql(table, index, ctx.idx));
    }
  }
  for (const p of table.policies ?? []) {
    if (policySurvivesDrizzleKit(p)) {
      config = startEntry(out, ctx, config);
      out.add(policyEntry(ctx, p)).add(',\n');
    }
    else {
      (notes ??= []).push(`// Policy ${tsComment(JSON.stringify(p.name))} holds a '--' drizzle-kit would cut: created in extras.sql.`);
      ctx.extras.add('policies', createPolicySql(table, p, ctx.idx));
    }
  }
  // Added policies (the RLS templates) are created and forced by their own SQL file as well, which
  // drops and recreates them: one drizzle-kit would cut is left to that file alone.
  const added = ctx.addedPolicies.get(table.id);
  for (const p of added ?? []) {
    if (policySurvivesDrizzleKit(p)) {
      config = startEntry(out, ctx, config);
      out.add(policyEntry(ctx, p)).add(',\n');
    } else {
      (notes ??= []).push(`// Policy ${tsComment(JSON.stringify(p.name))} holds a '--' drizzle-kit would cut: created by the security files only.`);
    }
  }
  if (config) out.add(']');
  const rlsOn = table.rls?.enabled || added !== undefined;
  out.add(rlsOn ? ').enableRLS();' : ');');

  if (table.rls?.forced) ctx.extras.add('rls', `ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} FORCE ROW LEVEL SECURITY;`);
  if (!rlsOn && table.policies?.length) ctx.extras.add('rls', `ALTER TABLE ${(sqlName ??= tableSql(table, ctx.idx))} DISABLE ROW LEVEL SECURITY;`);
  if (!notes) return false;
  out.insert(start, `${notes.join('\n')}\n`);
  return true;
}
