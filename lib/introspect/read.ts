/**
 * readCatalog runs the catalog queries (one per object kind, never one per table) and returns their rows.
 * The queries come from queries/*.sql via the generated queries.ts.
 */
import { QUERIES } from './queries';

export type QueryFunction = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, any>[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CatalogRows {
  version: number;
  schemas: Row[];
  extensions: Row[];
  types: Row[];
  sequences: Row[];
  tables: Row[];
  columns: Row[];
  constraints: Row[];
  indexes: Row[];
  policies: Row[];
  routines: Row[];
  views: Row[];
  triggers: Row[];
  rules: Row[];
}

export async function readCatalog(query: QueryFunction, schemas: readonly string[] | undefined): Promise<CatalogRows> {
  const version = Number((await query(QUERIES.version)).rows[0]?.version ?? 0);
  const nnd = version >= 150000 ? 'i.indnullsnotdistinct' : 'false';
  const params = [schemas && schemas.length ? [...schemas] : null];
  const run = async (sql: string) => (await query(sql.replaceAll('{{NULLS_NOT_DISTINCT}}', nnd), params)).rows;
  return {
    version,
    schemas: await run(QUERIES.schemas),
    extensions: (await query(QUERIES.extensions)).rows,
    types: await run(QUERIES.types),
    sequences: await run(QUERIES.sequences),
    tables: await run(QUERIES.tables),
    columns: await run(QUERIES.columns),
    constraints: await run(QUERIES.constraints),
    indexes: await run(QUERIES.indexes),
    policies: await run(QUERIES.policies),
    routines: await run(QUERIES.routines),
    views: await run(QUERIES.views),
    triggers: await run(QUERIES.triggers),
    rules: await run(QUERIES.rules),
  };
}
