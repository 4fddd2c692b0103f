/**
 * Name collisions between what the security files create and what the model already has. The files
 * use CREATE OR REPLACE, DROP ... IF EXISTS and CREATE ... IF NOT EXISTS so they can run again; the price
 * is that an object of the user's with the same name (a set_updated_at() in a verbatim SQL object, a
 * trigger called users_audit, a role the model declares for another purpose) would be replaced, dropped
 * or silently kept in place of the generated one. Each such pair becomes a warning of the file that
 * creates the object. Both sides are read the same way: the generated SQL and the model's verbatim SQL
 * through createdObjects, the model's own tables, constraints, indexes and policies from the model.
 */
import type { Model } from '@/lib/model';
import { createdPurposes, verbatimCreated, type SecurityContext } from './context';
import { createdObjects, type CreatedObject, type QualifiedName } from './sql-heads';

/** ModelObject is something the model creates, with where it comes from for the message. */
export interface ModelObject extends CreatedObject {
  readonly where: string;
  /** Set on the model's own schemas (not ones its SQL objects create), so the audit-schema check needs no lookup by name. */
  readonly schemaId?: string;
}

const display = (q: QualifiedName) => (q.schema === undefined ? q.name : `${q.schema}.${q.name}`);
/** An unqualified name in verbatim SQL lands wherever search_path says: it may be any schema. */
const sameSchema = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
const sameQualified = (a?: QualifiedName, b?: QualifiedName) => Boolean(a && b && a.name === b.name && sameSchema(a.schema, b.schema));

/** ModelObjects: the model's objects by name, so a file's objects are matched without a scan per object. */
export type ModelObjects = ReadonlyMap<string, readonly ModelObject[]>;

/** modelObjects lists the named objects the model's own DDL and its verbatim SQL objects create, by name. */
export function modelObjects(ctx: SecurityContext): ModelObjects {
  const byName = new Map<string, ModelObject[]>();
  for (const o of modelObjectList(ctx)) {
    const list = byName.get(o.name);
    if (list) list.push(o); else byName.set(o.name, [o]);
  }
  return byName;
}

function modelObjectList(ctx: SecurityContext): ModelObject[] {
  const model: Model = ctx.model;
  const out: ModelObject[] = [];
  const schemaName = (id: string) => ctx.index.schemaName(id) ?? 'public';
  for (const s of model.schemas) out.push({ kind: 'schema', name: s.name, schemaId: s.id, where: `the model's schema ${s.name}` });
  for (const seq of model.sequences ?? []) {
    out.push({ kind: 'relation', relkind: 'sequence', schema: schemaName(seq.schemaId), name: seq.name, where: `the model's sequence ${schemaName(seq.schemaId)}.${seq.name}` });
  }
  for (const t of model.tables) {
    const table = { schema: schemaName(t.schemaId), name: t.name };
    const of = `${display(table)}`;
    out.push({ kind: 'relation', relkind: 'table', ...table, where: `the model's table ${of}` });
    for (const c of [t.primaryKey, ...(t.uniques ?? [])]) {
      if (!c) continue;
      out.push({ kind: 'constraint', name: c.name, table, where: `the model's constraint ${c.name} on ${of}` });
      out.push({ kind: 'relation', relkind: 'index', schema: table.schema, name: c.name, where: `the index of the model's constraint ${c.name} on ${of}` });
    }
    for (const c of [...(t.checks ?? []), ...(t.foreignKeys ?? [])]) out.push({ kind: 'constraint', name: c.name, table, where: `the model's constraint ${c.name} on ${of}` });
    for (const i of t.indexes ?? []) out.push({ kind: 'relation', relkind: 'index', schema: table.schema, name: i.name, where: `the model's index ${i.name} on ${of}` });
    for (const p of t.policies ?? []) out.push({ kind: 'policy', name: p.name, table, where: `the model's policy ${p.name} on ${of}` });
  }
  const verbatim = verbatimCreated(ctx);
  (model.sqlObjects ?? []).forEach((o, i) => {
    const label = `the model's SQL object ${o.name ? `${o.name} ` : ''}(sqlObjects[${i}], ${o.kind})`;
    for (const created of verbatim[i]!) out.push({ ...created, where: label });
  });
  return out;
}

function clash(generated: CreatedObject, mine: ModelObject): boolean {
  if (generated.name !== mine.name) return false;
  switch (generated.kind) {
    case 'function': return mine.kind === 'function' && sameSchema(generated.schema, mine.schema);
    case 'trigger': case 'policy': case 'constraint': return mine.kind === generated.kind && sameQualified(generated.table, mine.table);
    case 'relation': return mine.kind === 'relation' && sameSchema(generated.schema, mine.schema);
    case 'schema': case 'role': return mine.kind === generated.kind;
  }
}

function message(generated: CreatedObject, mine: ModelObject): string {
  const name = display(generated);
  switch (generated.kind) {
    case 'function': return `function ${name} has the name of a function in ${mine.where}: CREATE OR REPLACE here replaces it when the argument types match (or fails, if their names or the result type differ) and adds a confusing overload when they do not; rename one of them.`;
    case 'trigger': return `trigger ${generated.name} on ${display(generated.table!)} is also created by ${mine.where}: DROP TRIGGER IF EXISTS here replaces it; rename one of them.`;
    case 'policy': return `policy ${generated.name} on ${display(generated.table!)} is also created by ${mine.where}: DROP POLICY IF EXISTS here replaces it; rename one of them.`;
    case 'constraint': return `constraint ${generated.name} on ${display(generated.table!)} is also created by ${mine.where}: DROP CONSTRAINT IF EXISTS here replaces it; rename one of them.`;
    case 'relation': return `${generated.relkind} ${name} has the name of a ${mine.relkind ?? 'relation'} in ${mine.where}: CREATE ... IF NOT EXISTS here skips it and keeps that one (tables, views, indexes and sequences share one namespace per schema); rename one of them.`;
    case 'schema': return `schema ${name} is also ${mine.schemaId !== undefined ? mine.where : `created by ${mine.where}`}: this file makes it owned by the owner role and revokes PUBLIC's access to it; choose another audit schema (security.auditSchema).`;
    case 'role': return `role ${name} is also created by ${mine.where}: this file gives it the privileges of a generated role; choose another role prefix (security.rolePrefix).`;
  }
}

/**
 * collisionWarnings returns the warnings for one generated file: each object it creates that the model
 * also creates. A model schema of the audit schema's name counts only when it holds tables of the model
 * (an empty schema declared for the audit log is the intended use). Roles come from the context: the
 * roles file creates them inside DO blocks, and a role the model declares for the same purpose is meant.
 */
export function collisionWarnings(ctx: SecurityContext, kind: string, sql: string, mine: ModelObjects): string[] {
  const generated = createdObjects(sql);
  if (kind === 'roles') {
    for (const p of createdPurposes(ctx)) generated.push({ kind: 'role', name: ctx.roles[p] });
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const g of generated) {
    for (const m of mine.get(g.name) ?? []) {
      if (!clash(g, m)) continue;
      if (g.kind === 'schema' && m.schemaId !== undefined && !ctx.model.tables.some((t) => t.schemaId === m.schemaId)) continue;
      const text = message(g, m);
      if (!seen.has(text)) { seen.add(text); out.push(text); }
    }
  }
  if (kind === 'roles') {
    for (const p of createdPurposes(ctx)) {
      const declared = ctx.model.roles?.find((r) => r.name === ctx.roles[p] && r.purpose !== p);
      if (declared) out.push(`role ${declared.name} is the generated ${p} role, but the model declares it ${declared.purpose ? `for ${declared.purpose}` : 'without a purpose'}: this file gives it the ${p} privileges; choose another role prefix (security.rolePrefix) or give the role purpose ${p}.`);
    }
  }
  return out;
}
