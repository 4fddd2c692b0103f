/**
 * Remaining rules: empty comments (PostgreSQL's `COMMENT ... IS ''` removes the comment, so the
 * database would not show it) and verbatim SQL objects that do not parse.
 */
import { parseSql, sqlParserReady } from '../expression';
import type { RuleContext } from './context';

export function commentRules(ctx: RuleContext): void {
  const check = (comment: string | undefined, path: string, id: string) => {
    if (comment === '') ctx.warn('comment-empty', 'an empty comment is no comment in PostgreSQL; remove the field', `${path}.comment`, id);
  };
  const { model } = ctx;
  model.schemas.forEach((s, i) => check(s.comment, `schemas[${i}]`, s.id));
  model.extensions?.forEach((e, i) => check(e.comment, `extensions[${i}]`, e.id));
  model.enums?.forEach((e, i) => check(e.comment, `enums[${i}]`, e.id));
  model.sequences?.forEach((s, i) => check(s.comment, `sequences[${i}]`, s.id));
  model.roles?.forEach((r, i) => check(r.comment, `roles[${i}]`, r.id));
  model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    check(t.comment, path, t.id);
    t.columns.forEach((c, j) => check(c.comment, `${path}.columns[${j}]`, c.id));
    if (t.primaryKey) check(t.primaryKey.comment, `${path}.primaryKey`, t.primaryKey.id);
    t.uniques?.forEach((o, j) => check(o.comment, `${path}.uniques[${j}]`, o.id));
    t.checks?.forEach((o, j) => check(o.comment, `${path}.checks[${j}]`, o.id));
    t.foreignKeys?.forEach((o, j) => check(o.comment, `${path}.foreignKeys[${j}]`, o.id));
    t.indexes?.forEach((o, j) => check(o.comment, `${path}.indexes[${j}]`, o.id));
    t.policies?.forEach((o, j) => check(o.comment, `${path}.policies[${j}]`, o.id));
  });
}

export function sqlObjectRules(ctx: RuleContext): void {
  if (!sqlParserReady()) return;
  ctx.model.sqlObjects?.forEach((o, i) => {
    const parsed = parseSql(o.sql);
    const path = `sqlObjects[${i}].sql`;
    if (!parsed.ok) ctx.error('sql-object-invalid', `${o.kind}${o.name ? ` ${JSON.stringify(o.name)}` : ''}: ${parsed.message}${parsed.line ? ` (line ${parsed.line}, column ${parsed.column})` : ''}`, path, o.id);
    else if (parsed.stmts.length === 0) ctx.error('sql-object-invalid', 'the SQL holds no statement', path, o.id);
  });
}
