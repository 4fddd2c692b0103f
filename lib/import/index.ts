/**
 * importSql reads a SQL script (a schema.sql, a pg_dump --schema-only file, a Rails structure.sql) into a
 * model with PostgreSQL's own parser. What the model holds becomes model objects; what it does not is
 * kept verbatim as SQL objects in the original order; the report lists everything not imported as
 * model objects. SQL that does not parse imports nothing and returns the parser's message with its
 * line and column. `loadSqlParser()` (lib/model) must have resolved first; `importSqlAsync` does that.
 */
import { parseSync } from 'pgsql-parser';
import { loadSqlParser, sqlParserReady } from '@/lib/model/expression';
import { ModelSchema, type Model } from '@/lib/model/schema';
import { applyStatement } from './statements';
import { finish } from './finish';
import { ImportState } from './state';
import type { ImportError, ReportEntry } from './report';
import { SourceText } from './source';
import { stripMetaCommands } from './psql';

export type { ReportEntry, ReportAction, ImportError } from './report';
export { formatReport } from './report';

export type ImportResult =
  | { readonly ok: true; readonly model: Model; readonly report: ReportEntry[] }
  | { readonly ok: false; readonly error: ImportError };

export function importSql(sql: string): ImportResult {
  if (!sqlParserReady()) return { ok: false, error: { message: 'SQL parser is not loaded (await loadSqlParser() first)' } };
  // psql meta-commands (pg_dump's \restrict lines) are blanked in place, so positions stay true.
  const meta = stripMetaCommands(sql);
  sql = meta.sql;
  const source = new SourceText(sql);
  let stmts: { stmt: unknown; stmt_location?: number; stmt_len?: number }[];
  try {
    stmts = ((parseSync(sql) as { stmts?: typeof stmts }).stmts) ?? [];
  } catch (error) {
    const e = error as { message?: string; sqlDetails?: { message?: string; cursorPosition?: number } };
    const message = e.sqlDetails?.message ?? e.message ?? String(error);
    const pos = e.sqlDetails?.cursorPosition;
    return { ok: false, error: { message, ...(typeof pos === 'number' ? source.lineColumnOfChar(pos) : {}) } };
  }
  const state = new ImportState();
  for (const c of meta.commands) {
    state.line = c.line;
    state.noteGrouped('ignored', 'psql', `psql meta-command ${c.text.split(/\s/)[0]} is not SQL`);
  }
  for (const { stmt, stmt_location: location = 0, stmt_len: length } of stmts) {
    const { text, line } = source.statement(location, length);
    state.text = text;
    state.line = line;
    applyStatement(state, stmt);
  }
  finish(state);
  const checked = ModelSchema.safeParse(state.model);
  if (!checked.success) {
    // The importer built something the model rejects: a bug here, reported rather than thrown.
    return { ok: false, error: { message: `internal importer error: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` } };
  }
  return { ok: true, model: state.model, report: state.report };
}

/** importSqlAsync loads the parser if needed, then imports. */
export async function importSqlAsync(sql: string): Promise<ImportResult> {
  await loadSqlParser();
  return importSql(sql);
}
