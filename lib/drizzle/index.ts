/**
 * emitDrizzle turns a model into Drizzle ORM 0.45 pg-core TypeScript: `schema.ts` (schemas, roles, enums,
 * sequences, custom types, tables with constraints, indexes and policies), `relations.ts` (the query
 * API's relations) and the companion SQL for what Drizzle cannot express (`extras.sql`, and
 * `extras-before.sql` when something must exist before the migration). Deterministic and linear in the
 * size of the model. See docs/drizzle-export.md for the mapping and the gaps.
 */
import { ModelIndex, type Model } from '@/lib/model';
import { EmitContext, assignNames } from './context';
import { collectModelExtras, tableComments } from './model-extras';
import { emitRelations } from './relations';
import { emitTable } from './tables';
import { CHUNK, joinFile, tsComment, tsNumeric, tsString } from './ts';

export interface DrizzleFile {
  readonly path: string;
  readonly content: string;
}

export interface EmitDrizzleOptions {
  /** Emit relations.ts (default true). */
  readonly relations?: boolean;
  /**
   * Policies another generator creates on the model's tables (the RLS templates of lib/security, through
   * lib/bundle): declared with pgPolicy on their tables, which are then declared with .enableRLS().
   */
  readonly policies?: readonly AddedPolicy[];
}

/** AddedPolicy is a policy that is not in the model, on one of its tables (see EmitDrizzleOptions.policies). */
export interface AddedPolicy {
  readonly tableId: string;
  readonly name: string;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly roles: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
}

function schemasNeededBefore(model: Model): Set<string> {
  const before = new Set<string>();
  const publicIds = new Set(model.schemas.filter((s) => s.name === 'public').map((s) => s.id));
  for (const e of model.extensions ?? []) if (e.schemaId !== undefined && !publicIds.has(e.schemaId)) before.add(e.schemaId);
  // Verbatim pre-table SQL may create objects in any schema, so every schema must exist before it.
  if ((model.sqlObjects ?? []).some((o) => o.phase === 'pre-tables')) {
    for (const s of model.schemas) if (!publicIds.has(s.id)) before.add(s.id);
  }
  return before;
}

export function emitDrizzle(model: Model, options: EmitDrizzleOptions = {}): { files: DrizzleFile[] } {
  const idx = new ModelIndex(model);
  const ctx = new EmitContext(model, idx, options.policies);
  const before = schemasNeededBefore(model);
  assignNames(ctx, before);
  collectModelExtras(ctx, before);

  const blocks: string[] = [];
  for (const s of model.schemas) {
    const v = ctx.schemaVars.get(s.id);
    if (!v) continue;
    ctx.use('pgSchema');
    blocks.push(`${v.exported ? 'export ' : '// Created in extras-before.sql, so not exported (drizzle-kit would create it too late).\n'}const ${v.name} = pgSchema(${tsString(s.name)});`);
  }
  const roleNames = new Set((model.roles ?? []).map((r) => r.name));
  for (const [role, v] of ctx.roleVars) {
    ctx.use('pgRole');
    const note = roleNames.has(role) ? '' : ctx.addedRoles.has(role) ? ' // created by the security files (01_roles.sql)' : ' // used by a policy, not declared in the model';
    blocks.push(`export const ${v} = pgRole(${tsString(role)}).existing();${note}`);
  }
  for (const e of model.enums ?? []) {
    const values = e.values.length ? `[${e.values.map(tsString).join(', ')}]` : '[] as unknown as [string] /* an enum without labels */';
    blocks.push(`export const ${ctx.enumVars.get(e.id)} = ${ctx.factory(e.schemaId, 'enum')}(${tsString(e.name)}, ${values});`);
  }
  for (const s of model.sequences ?? []) {
    const o: string[] = [];
    if (s.start !== undefined) o.push(`startWith: ${tsNumeric(s.start)}`);
    if (s.increment !== undefined) o.push(`increment: ${tsNumeric(s.increment)}`);
    if (s.minValue !== undefined) o.push(`minValue: ${tsNumeric(s.minValue)}`);
    if (s.maxValue !== undefined) o.push(`maxValue: ${tsNumeric(s.maxValue)}`);
    if (s.cache !== undefined) o.push(`cache: ${tsNumeric(s.cache)}`);
    if (s.cycle !== undefined) o.push(`cycle: ${s.cycle}`);
    blocks.push(`export const ${ctx.sequenceVars.get(s.id)} = ${ctx.factory(s.schemaId, 'sequence')}(${tsString(s.name)}${o.length ? `, { ${o.join(', ')} }` : ''});`);
  }
  // Tables are written in chunks of many tables, with blank lines between them (see CHUNK).
  const tableBlocks: string[] = [];
  const partitions: string[] = [];
  const out = ctx.text;
  for (const table of model.tables) {
    if (table.partitionOf) {
      partitions.push(table.name);
      continue;
    }
    if (out.size > 0) out.add('\n\n');
    if (emitTable(out, ctx, table) || out.size >= CHUNK) tableBlocks.push(out.take());
    tableComments(ctx, table);
  }
  if (out.size > 0) tableBlocks.push(out.take());
  if (partitions.length) {
    tableBlocks.push(`// Partitions are not declared (Drizzle cannot): ${partitions.map((p) => tsComment(JSON.stringify(p))).join(', ')}; see extras.sql.`);
  }
  const customBlocks: string[] = [];
  for (const c of ctx.customTypes.values()) customBlocks.push(`const ${c.name} = customType<{ data: ${c.data} }>({ dataType: () => ${tsString(c.sqlType)} });`);

  const header = [
    `// Generated by pgcanvas${model.name ? ` from ${tsComment(JSON.stringify(model.name))}` : ''}: Drizzle ORM 0.45 (pg-core) schema.`,
    `// What Drizzle cannot express is in extras.sql${ctx.extras.hasBefore() ? ' and extras-before.sql' : ''}; see docs/drizzle-export.md.`,
  ];
  if (ctx.sqlUsed) header.push("import { sql } from 'drizzle-orm';");
  const imports = [...ctx.pgCore].sort();
  const typeOnly = new Set(['PgTableExtraConfigValue']);
  if (imports.length) header.push(`import { ${imports.map((i) => (typeOnly.has(i) ? `type ${i}` : i)).join(', ')} } from 'drizzle-orm/pg-core';`);
  const schemaTs = joinFile([header.join('\n'), ...blocks, ...customBlocks, ...tableBlocks]);

  const files: DrizzleFile[] = [{ path: 'schema.ts', content: schemaTs }];
  if (options.relations !== false) {
    const rel = emitRelations(ctx);
    if (rel) files.push({ path: 'relations.ts', content: rel });
  }
  if (ctx.extras.hasBefore()) files.push({ path: 'extras-before.sql', content: ctx.extras.renderBefore() });
  files.push({ path: 'extras.sql', content: ctx.extras.renderAfter() });
  return { files };
}
