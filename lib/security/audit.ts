/**
 * audit.sql: an audit table and one trigger per audited table recording INSERT/UPDATE/DELETE with the
 * row key, old and new row as jsonb minus password-hash, secret and encrypted columns, and the actor
 * from app.user_id; plus updated_at triggers for tables with an updated_at column.
 */
import { quoteIdent, quoteLiteral, quoteQualified } from '@/lib/sql/quote';
import type { Table } from '@/lib/model';
import { arrayLiteral, dollarQuote, fitName, commentText } from './names';
import { isSecretColumn, PINNED_SEARCH_PATH, roleList, SECURITY_DEFAULTS, tableName, type SecurityContext } from './context';
import type { SecurityFile } from './file';

/** ancestorAudited: a row trigger on a partitioned table is cloned to its partitions, so skip those. */
function coveredByParent(ctx: SecurityContext, table: Table, pick: (t: Table) => boolean): boolean {
  const seen = new Set<string>();
  let parentId = table.partitionOf?.parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = ctx.index.tables.get(parentId);
    if (!parent) return false;
    if (pick(parent)) return true;
    parentId = parent.partitionOf?.parentId;
  }
  return false;
}

function hasUpdatedAt(ctx: SecurityContext, table: Table): boolean {
  const c = ctx.index.columnsOf(table).find((col) => col.name === 'updated_at');
  return Boolean(c && !c.generated && !c.identity && c.type.kind === 'builtin' && !c.type.array
    && ['timestamptz', 'timestamp', 'date'].includes(c.type.name));
}

/** auditTarget returns the audit table's schema and name, moved aside if the model already uses the name. */
export function auditTarget(ctx: SecurityContext): { schema: string; table: string } {
  const schema = ctx.model.security?.auditSchema ?? SECURITY_DEFAULTS.auditSchema;
  const base = ctx.model.security?.auditTable ?? SECURITY_DEFAULTS.auditTable;
  const schemaId = ctx.model.schemas.find((s) => s.name === schema)?.id;
  const taken = new Set(ctx.model.tables.filter((t) => t.schemaId === schemaId).map((t) => t.name));
  let table = base;
  for (let i = 2; taken.has(table); i++) table = fitName(base, String(i));
  return { schema, table };
}

export function auditFile(ctx: SecurityContext): SecurityFile | undefined {
  const isAudited = (t: Table) => t.security?.audit === true;
  const audited = ctx.model.tables.filter((t) => isAudited(t) && !coveredByParent(ctx, t, isAudited));
  const stamped = ctx.model.tables.filter((t) => hasUpdatedAt(ctx, t) && !coveredByParent(ctx, t, (p) => hasUpdatedAt(ctx, p)));
  if (audited.length === 0 && stamped.length === 0) return undefined;
  const owner = quoteIdent(ctx.roles.owner);
  const out: string[] = [];

  if (audited.length > 0) {
    const target = auditTarget(ctx);
    const log = quoteQualified(target.schema, target.table);
    const fn = quoteQualified(target.schema, 'record_change');
    const modelSchema = ctx.model.schemas.some((s) => s.name === target.schema);
    const body = [
      'DECLARE',
      '  hidden text[] := TG_ARGV[0]::text[];',
      '  key_columns text[] := TG_ARGV[1]::text[];',
      '  old_row jsonb;',
      '  new_row jsonb;',
      '  row_key jsonb;',
      'BEGIN',
      "  IF TG_OP IN ('UPDATE', 'DELETE') THEN old_row := to_jsonb(OLD); END IF;",
      "  IF TG_OP IN ('INSERT', 'UPDATE') THEN new_row := to_jsonb(NEW); END IF;",
      '  SELECT jsonb_object_agg(k, coalesce(new_row, old_row) -> k) INTO row_key FROM unnest(key_columns) AS k;',
      `  INSERT INTO ${log} (table_schema, table_name, operation, row_key, old_data, new_data, actor)`,
      `  VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, row_key, old_row - hidden, new_row - hidden, nullif(current_setting(${quoteLiteral(ctx.userIdSetting)}, true), ''));`,
      '  RETURN NULL;',
      'END',
    ].join('\n');
    out.push(
      '-- The audit log. Rows are written only by the trigger function below (SECURITY DEFINER, owned by the',
      '-- owner role), so the app role needs no privilege on the log and cannot rewrite history.',
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)};`,
      ...(modelSchema ? [] : [`ALTER SCHEMA ${quoteIdent(target.schema)} OWNER TO ${owner};`, `REVOKE ALL ON SCHEMA ${quoteIdent(target.schema)} FROM PUBLIC;`]),
      `CREATE TABLE IF NOT EXISTS ${log} (`,
      '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,',
      '  table_schema text NOT NULL,',
      '  table_name text NOT NULL,',
      "  operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),",
      '  row_key jsonb,',
      '  old_data jsonb,',
      '  new_data jsonb,',
      '  actor text,',
      '  transaction_id bigint NOT NULL DEFAULT pg_catalog.txid_current(),',
      '  occurred_at timestamptz NOT NULL DEFAULT pg_catalog.now()',
      ');',
      `ALTER TABLE ${log} OWNER TO ${owner};`,
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(fitName(target.table, 'table_time_idx'))} ON ${log} (table_schema, table_name, occurred_at);`,
      `REVOKE ALL ON TABLE ${log} FROM PUBLIC;`,
      // The admin role reads the log; it needs USAGE on a schema this file created (roles.sql grants it on model schemas).
      ...(ctx.needsAdmin ? [
        ...(modelSchema ? [] : [`GRANT USAGE ON SCHEMA ${quoteIdent(target.schema)} TO ${roleList(ctx, ['admin'])};`]),
        `GRANT SELECT ON TABLE ${log} TO ${roleList(ctx, ['admin'])};`,
      ] : []),
      '',
      `-- Trigger arguments: the columns never copied into the log, then the row-key columns.`,
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger`,
      `LANGUAGE plpgsql SECURITY DEFINER ${PINNED_SEARCH_PATH}`,
      `AS ${dollarQuote(body, 'fn')};`,
      `ALTER FUNCTION ${fn}() OWNER TO ${owner};`,
      `REVOKE EXECUTE ON FUNCTION ${fn}() FROM PUBLIC;`,
      '',
    );
    for (const table of audited) {
      const columns = ctx.index.columnsOf(table);
      const hidden = columns.filter(isSecretColumn).map((c) => c.name);
      const pk = table.primaryKey ?? (table.partitionOf ? ctx.index.tables.get(table.partitionOf.parentId)?.primaryKey : undefined);
      const keys = (pk?.columnIds ?? []).map((id) => columns.find((c) => c.id === id)?.name).filter((n): n is string => n !== undefined);
      const trigger = quoteIdent(fitName(table.name, 'audit'));
      const t = tableName(ctx, table);
      out.push(
        commentText(`-- ${table.name}${hidden.length > 0 ? `: ${hidden.join(', ')} never logged` : ''}`),
        `DROP TRIGGER IF EXISTS ${trigger} ON ${t};`,
        `CREATE TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON ${t}`,
        `  FOR EACH ROW EXECUTE FUNCTION ${fn}(${quoteLiteral(arrayLiteral(hidden))}, ${quoteLiteral(arrayLiteral(keys))});`,
      );
    }
    out.push('');
  }

  if (stamped.length > 0) {
    const fn = quoteQualified(ctx.functionSchema, 'set_updated_at');
    out.push(
      '-- updated_at is kept current by the database, whatever the client sends.',
      `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger`,
      `LANGUAGE plpgsql ${PINNED_SEARCH_PATH}`,
      `AS ${dollarQuote('BEGIN\n  NEW.updated_at := pg_catalog.now();\n  RETURN NEW;\nEND', 'fn')};`,
      `REVOKE EXECUTE ON FUNCTION ${fn}() FROM PUBLIC;`,
      `GRANT EXECUTE ON FUNCTION ${fn}() TO ${owner};  -- so migrations run as the owner can add such triggers`,
    );
    for (const table of stamped) {
      const trigger = quoteIdent(fitName(table.name, 'set_updated_at'));
      const t = tableName(ctx, table);
      out.push(`DROP TRIGGER IF EXISTS ${trigger} ON ${t};`, `CREATE TRIGGER ${trigger} BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}();`);
    }
    out.push('');
  }
  return {
    kind: 'audit',
    name: 'audit.sql',
    sql: out.join('\n'),
    explanation: (audited.length > 0
      ? `Creates the audit log and an AFTER trigger on ${audited.length} table(s) recording each insert, update and delete with the row key, `
        + 'the old and new row as jsonb without password, secret and encrypted columns, the actor from the user-id setting and the time. '
      : '')
      + (stamped.length > 0 ? `Keeps updated_at current on ${stamped.length} table(s) with a BEFORE UPDATE trigger.` : ''),
    warnings: [],
  };
}
