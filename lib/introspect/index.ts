/**
 * introspect reads a live database's schema into the model through an injected query function
 * (`pg` client, pool, PGlite, ...). A fixed handful of catalog queries (queries/*.sql), whatever the
 * number of tables. System schemas and extension members are skipped; `schemas` limits what is read.
 * Expressions come back as PostgreSQL prints them (pg_get_expr): see docs/import.md for the normal form.
 */
import type { Model } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { FORMAT_VERSION } from '@/lib/model/schema';
import { PUBLIC_SCHEMA_ID } from '@/lib/model/empty';
import { loadSqlParser } from '@/lib/model/expression';
import { normalizeSequenceOptions } from '@/lib/import/sequence-options';
import { qkey } from '@/lib/import/ast';
import type { ReportEntry } from '@/lib/import/report';
import { BuildContext } from './context';
import { readCatalog, type QueryFunction } from './read';
import { buildSqlObjects } from './sql-objects';
import { buildTables } from './tables';

export type { QueryFunction } from './read';

export interface IntrospectOptions {
  /** Only these schemas (default: every user schema). */
  readonly schemas?: readonly string[];
}

export async function introspect(query: QueryFunction, options: IntrospectOptions = {}): Promise<Model> {
  return (await introspectWithReport(query, options)).model;
}

/** introspectWithReport also returns what was pulled as SQL objects or could not be represented. */
export async function introspectWithReport(query: QueryFunction, options: IntrospectOptions = {}): Promise<{ model: Model; report: ReportEntry[] }> {
  await loadSqlParser();
  const rows = await readCatalog(query, options.schemas);
  const model: Model = { format: FORMAT_VERSION, schemas: [], tables: [] };
  const ctx = new BuildContext(rows, model);
  for (const row of rows.schemas) {
    const id = row.name === 'public' ? PUBLIC_SCHEMA_ID : newId('schema');
    ctx.schemaIds.set(row.name, id);
    // PostgreSQL 15+ gives `public` the comment 'standard public schema' itself: not part of a design.
    const own = row.comment !== null && row.comment !== undefined && !(row.name === 'public' && row.comment === 'standard public schema');
    model.schemas.push({ id, name: row.name, ...(own ? { comment: row.comment } : {}) });
  }
  // The model assumes `public`; keep it even when the pull is limited to other schemas.
  if (!ctx.schemaIds.has('public')) model.schemas.unshift({ id: PUBLIC_SCHEMA_ID, name: 'public' });
  for (const row of rows.extensions) {
    // `public` is where CREATE EXTENSION puts objects by default: the normal form leaves it out.
    const schemaId = row.schema === 'public' ? undefined : ctx.schemaIds.get(row.schema);
    // An extension's comment comes from its control file, not from the design: left out.
    (model.extensions ??= []).push({ id: newId('ext'), name: row.name, ...(schemaId ? { schemaId } : {}) });
  }
  for (const row of rows.types) {
    if (row.kind !== 'e') {
      if (row.kind === 'c') ctx.relationNames.add(qkey({ schema: row.schema, name: row.name }));
      continue;
    }
    const id = newId('enum');
    ctx.enumIds.set(String(row.oid), id);
    (model.enums ??= []).push({ id, schemaId: ctx.schemaIds.get(row.schema)!, name: row.name, values: row.labels ?? [], ...(row.comment ? { comment: row.comment } : {}) });
  }
  const owners: { seq: NonNullable<Model['sequences']>[number]; table: string; attnum: number }[] = [];
  for (const row of rows.sequences) {
    const id = newId('seq');
    ctx.sequenceIds.set(String(row.oid), id);
    const type = row.data_type === 'smallint' || row.data_type === 'integer' ? row.data_type : 'bigint';
    const seq = {
      id, schemaId: ctx.schemaIds.get(row.schema)!, name: row.name as string,
      ...(type !== 'bigint' ? { dataType: type as 'smallint' | 'integer' } : {}),
      ...normalizeSequenceOptions(type, { start: row.start, increment: row.increment, minValue: row.min_value, maxValue: row.max_value, cache: row.cache, cycle: Boolean(row.cycle) }),
      ...(row.comment ? { comment: row.comment as string } : {}),
    };
    (model.sequences ??= []).push(seq);
    if (row.owner_table !== null && row.owner_table !== undefined) owners.push({ seq, table: String(row.owner_table), attnum: Number(row.owner_column) });
  }
  for (const row of rows.tables) ctx.relationNames.add(qkey({ schema: row.schema, name: row.name }));
  for (const row of rows.views) ctx.relationNames.add(qkey({ schema: row.schema, name: row.name }));
  buildTables(ctx);
  for (const o of owners) {
    const info = ctx.tables.get(o.table);
    const columnId = ctx.columnId(o.table, o.attnum);
    if (!info || !columnId) continue;
    const owner = info.table.partitionOf ? model.tables.find((t) => t.id === info.table.partitionOf!.parentId)! : info.table;
    o.seq.ownedBy = { tableId: owner.id, columnId };
  }
  buildSqlObjects(ctx);
  return { model, report: ctx.report };
}
