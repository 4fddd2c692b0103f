/**
 * Table emission: `pgTable`/`schema.table` with its columns, and the extra-config callback holding the
 * primary key, uniques, checks, foreign keys, indexes and policies. Options Drizzle lacks are kept in
 * schema.ts where the rest is expressible and completed in extras.sql; an index it cannot express at all
 * lives in extras.sql only.
 */
import type { ForeignKey, Index, IndexElement, Policy, Table } from '@/lib/model';
import { quoteIdent } from '@/lib/sql/quote';
import { SPECIAL_ROLES, type EmitContext } from './context';
import { columnBuilder } from './columns';
import { checkSql, createIndexSql, createPolicySql, foreignKeySql, tableSql, uniqueSql } from './sql-fragments';
import { checkSurvivesDrizzleKit, foreignKeySurvivesDrizzleKit, indexSurvivesDrizzleKit, policySurvivesDrizzleKit, uniqueSurvivesDrizzleKit } from './drizzle-kit-limits';
import { sqlTemplate, tsComment, tsString } from './ts';

const I = '  ';

function cols(ctx: EmitContext, table: Table, ids: readonly string[], param = 't'): string {
  if (ids.length === 1) return `${param}.${ctx.columnKey(table, ids[0]!)}`;
  return ids.map((id) => `${param}.${ctx.columnKey(table, id)}`).join(', ');
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

function indexEntry(ctx: EmitContext, table: Table, index: Index): string {
  const fn = ctx.use(index.unique ? 'uniqueIndex' : 'index');
  const elements = index.elements.map((el) => indexElement(ctx, table, el)).join(', ');
  const method = index.method ?? 'btree';
  let out = method === 'btree' ? `${fn}(${tsString(index.name)}).on(${elements})` : `${fn}(${tsString(index.name)}).using(${tsString(method)}, ${elements})`;
  if (index.where !== undefined) {
    ctx.sql();
    out += `.where(${sqlTemplate(`(${index.where})`)})`;
  }
  return out;
}

function foreignKeyEntry(ctx: EmitContext, table: Table, fk: ForeignKey): string | undefined {
  const target = ctx.idx.tables.get(fk.refTableId);
  const targetVar = target && ctx.tableVars.get(target.id);
  if (!target || !targetVar) return undefined;
  if (!foreignKeySurvivesDrizzleKit(ctx.idx, table, target, fk)) {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} ADD ${foreignKeySql(table, fk, ctx.idx)};`);
    return `// Foreign key ${tsComment(JSON.stringify(fk.name))} has names drizzle-kit would cut: created in extras.sql.`;
  }
  const foreign = cols(ctx, target, fk.refColumnIds, target.id === table.id ? 't' : targetVar);
  let out = `${ctx.use('foreignKey')}({ name: ${tsString(fk.name)}, columns: [${cols(ctx, table, fk.columnIds)}], foreignColumns: [${foreign}] })`;
  if (fk.onDelete && fk.onDelete !== 'no action') out += `.onDelete(${tsString(fk.onDelete)})`;
  if (fk.onUpdate && fk.onUpdate !== 'no action') out += `.onUpdate(${tsString(fk.onUpdate)})`;
  if (fk.match === 'full') {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} DROP CONSTRAINT ${quoteIdent(fk.name)}, ADD ${foreignKeySql(table, fk, ctx.idx)};`);
  } else if (fk.deferrable) {
    ctx.extras.add('constraints', `ALTER TABLE ${tableSql(table, ctx.idx)} ALTER CONSTRAINT ${quoteIdent(fk.name)} DEFERRABLE${fk.initiallyDeferred ? ' INITIALLY DEFERRED' : ''};`);
  }
  return out;
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

/** emitTable renders one exported table declaration. */
export function emitTable(ctx: EmitContext, table: Table): string {
  const name = ctx.tableVars.get(table.id)!;
  // The table's SQL name is needed only for what goes to extras.sql.
  let tableName: string | undefined;
  const t = () => (tableName ??= tableSql(table, ctx.idx));
  const lines: string[] = [];
  if (table.partitionBy) {
    lines.push(`// Partitioned by ${table.partitionBy.strategy.toUpperCase()} in the model: Drizzle cannot declare partitioning (see extras.sql).`);
  }
  // Keys by position (ids are unique in a valid model): no lookup per column.
  const keys = ctx.columnKeys.get(table.id)!.keys;
  const columns = table.columns.map((c, i) => `${I}${columnBuilder(ctx, table, c, keys[i])},`);
  const config: string[] = [];
  if (table.primaryKey) {
    config.push(`${ctx.use('primaryKey')}({ name: ${tsString(table.primaryKey.name)}, columns: [${cols(ctx, table, table.primaryKey.columnIds)}] })`);
  }
  // PostgreSQL silently drops a UNIQUE that repeats the columns of the primary key or of an earlier
  // UNIQUE in the same CREATE TABLE (which is how drizzle-kit writes them), so those go to extras.sql.
  const keySets = new Set<string>(table.primaryKey && table.uniques?.length ? [table.primaryKey.columnIds.join('\u0000')] : []);
  for (const u of table.uniques ?? []) {
    const key = u.columnIds.join('\u0000');
    // A deferrable unique is added after the migration: declared non-deferrable in schema.ts, foreign
    // keys would bind to it and it could no longer be replaced.
    const survives = uniqueSurvivesDrizzleKit(ctx.idx, table, u);
    if (keySets.has(key) || u.deferrable || !survives) {
      const why = !survives ? 'has a name drizzle-kit would cut' : u.deferrable ? 'is DEFERRABLE' : "repeats another key's columns";
      lines.push(`// Unique ${tsComment(JSON.stringify(u.name))} ${why}: created in extras.sql.`);
      ctx.extras.add('constraints', `ALTER TABLE ${t()} ADD ${uniqueSql(table, u, ctx.idx)};`);
      continue;
    }
    keySets.add(key);
    config.push(`${ctx.use('unique')}(${tsString(u.name)}).on(${cols(ctx, table, u.columnIds)})${u.nullsNotDistinct ? '.nullsNotDistinct()' : ''}`);
  }
  for (const c of table.checks ?? []) {
    if (!checkSurvivesDrizzleKit(c)) {
      lines.push(`// Check ${tsComment(JSON.stringify(c.name))} holds a ';' drizzle-kit would cut: created in extras.sql.`);
      ctx.extras.add('constraints', `ALTER TABLE ${t()} ADD ${checkSql(c)};`);
      continue;
    }
    ctx.sql();
    config.push(`${ctx.use('check')}(${tsString(c.name)}, ${sqlTemplate(c.expression)})`);
    if (c.noInherit) ctx.extras.add('constraints', `ALTER TABLE ${t()} DROP CONSTRAINT ${quoteIdent(c.name)}, ADD ${checkSql(c)};`);
  }
  for (const fk of table.foreignKeys ?? []) {
    const entry = foreignKeyEntry(ctx, table, fk);
    if (entry?.startsWith('//')) lines.push(entry);
    else if (entry) config.push(entry);
    else ctx.extras.add('partitions', `-- ALTER TABLE ${t()} ADD ${foreignKeySql(table, fk, ctx.idx)};`);
  }
  for (const index of table.indexes ?? []) {
    if (indexInDrizzle(index) && indexSurvivesDrizzleKit(ctx.idx, table, index)) config.push(indexEntry(ctx, table, index));
    else {
      const why = indexInDrizzle(index) ? "names or expressions drizzle-kit would cut (';', '--', ',,')" : 'INCLUDE / NULLS NOT DISTINCT';
      lines.push(`// Index ${tsComment(JSON.stringify(index.name))} is created in extras.sql (${why}).`);
      ctx.extras.add('indexes', createIndexSql(table, index, ctx.idx));
    }
  }
  for (const p of table.policies ?? []) {
    if (policySurvivesDrizzleKit(p)) config.push(policyEntry(ctx, p));
    else {
      lines.push(`// Policy ${tsComment(JSON.stringify(p.name))} holds a '--' drizzle-kit would cut: created in extras.sql.`);
      ctx.extras.add('policies', createPolicySql(table, p, ctx.idx));
    }
  }

  const factory = ctx.factory(table.schemaId, 'table');
  let decl = `export const ${name} = ${factory}(${tsString(table.name)}, {\n${columns.join('\n')}\n}`;
  if (config.length) {
    ctx.use('PgTableExtraConfigValue');
    decl += `, (t): PgTableExtraConfigValue[] => [\n${config.map((c) => `${I}${c},`).join('\n')}\n]`;
  }
  decl += ')';
  if (table.rls?.enabled) decl += '.enableRLS()';
  lines.push(`${decl};`);

  if (table.rls?.forced) ctx.extras.add('rls', `ALTER TABLE ${t()} FORCE ROW LEVEL SECURITY;`);
  if (!table.rls?.enabled && table.policies?.length) ctx.extras.add('rls', `ALTER TABLE ${t()} DISABLE ROW LEVEL SECURITY;`);
  return lines.join('\n');
}
