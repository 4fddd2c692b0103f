/**
 * rls.sql: ENABLE and FORCE row-level security on tables with an RLS template, and one policy per
 * command with explicit roles. FORCE matters: without it the table owner bypasses every policy.
 * Function calls in policies are wrapped in (select ...) so they run once per statement, and every
 * column a policy filters on gets an index unless one already leads with it.
 */
import { quoteIdent, quoteLiteral } from '@/lib/sql/quote';
import type { Column, Table, TableRlsTemplate } from '@/lib/model';
import { fitName, uniqueName, commentText } from './names';
import { castType, roleList, schemaOf, tableName, type RolePurpose, type SecurityContext } from './context';
import { Warnings, type SecurityFile } from './file';

type Command = 'select' | 'insert' | 'update' | 'delete';
const COMMANDS: readonly Command[] = ['select', 'insert', 'update', 'delete'];

interface PolicySpec {
  readonly suffix: string;
  readonly command: Command;
  readonly to: readonly RolePurpose[];
  readonly using?: string;
  readonly withCheck?: string;
}

/** Types compared with `=` against a setting: those with a btree equality operator the cast can produce. */
const NO_EQUALITY = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'tsvector', 'tsquery', 'pg_snapshot']);

export function comparableColumn(column: Column): boolean {
  const t = column.type;
  if (t.array || column.generated) return false;
  if (t.kind === 'builtin') return !NO_EQUALITY.has(t.name);
  if (t.kind === 'enum') return true;
  return /^(\w+\.)?citext$/i.test(t.sql.trim().replaceAll('"', ''));
}

/** currentSetting reads a setting as the column's type; unset or empty means NULL, so no row matches. */
function currentSetting(ctx: SecurityContext, setting: string, column: Column): string | undefined {
  const type = castType(ctx, column.type);
  if (!type) return undefined;
  return `(select nullif(current_setting(${quoteLiteral(setting)}, true), '')::${type})`;
}

function matchPolicies(prefix: string, predicate: string, readers: readonly RolePurpose[], writers: readonly RolePurpose[], readPredicate = predicate): PolicySpec[] {
  return COMMANDS.map((command): PolicySpec => {
    switch (command) {
      case 'select': return { suffix: `${prefix}_select`, command, to: readers, using: readPredicate };
      case 'insert': return { suffix: `${prefix}_insert`, command, to: writers, withCheck: predicate };
      case 'update': return { suffix: `${prefix}_update`, command, to: writers, using: predicate, withCheck: predicate };
      case 'delete': return { suffix: `${prefix}_delete`, command, to: writers, using: predicate };
    }
  });
}

/** templatePlan resolves a table's template to policies and filtered columns, or a reason it cannot. */
export function templatePlan(ctx: SecurityContext, table: Table, rls: TableRlsTemplate): { policies: PolicySpec[]; filtered: Column[] } | { problem: string } {
  const columnById = (id: string | undefined) => (id ? ctx.index.column(table, id) : undefined);
  const writers: RolePurpose[] = ['app', 'owner'];
  const readers: RolePurpose[] = ['app', 'readonly', 'owner'];
  const policies: PolicySpec[] = [];
  const filtered: Column[] = [];
  const byColumn = (kind: 'owner' | 'tenant', id: string | undefined, setting: string): string | { problem: string } => {
    const column = columnById(id);
    if (!column) return { problem: `the ${template(rls)} template needs ${kind === 'owner' ? 'ownerColumnId' : 'tenantColumnId'} naming a column of the table` };
    const value = comparableColumn(column) ? currentSetting(ctx, setting, column) : undefined;
    if (!value) return { problem: `${column.name} is generated, an array or of a type without equality; it cannot be compared with ${setting}` };
    filtered.push(column);
    return `${quoteIdent(column.name)} = ${value}`;
  };
  switch (rls.template) {
    case 'owner-only': {
      const p = byColumn('owner', rls.ownerColumnId, ctx.userIdSetting);
      if (typeof p !== 'string') return p;
      policies.push(...matchPolicies('owner', p, readers, writers));
      break;
    }
    case 'tenant': {
      const p = byColumn('tenant', rls.tenantColumnId, ctx.tenantIdSetting);
      if (typeof p !== 'string') return p;
      policies.push(...matchPolicies('tenant', p, readers, writers));
      break;
    }
    case 'public-read-owner-write': {
      const p = byColumn('owner', rls.ownerColumnId, ctx.userIdSetting);
      if (typeof p !== 'string') return p;
      policies.push(...matchPolicies('owner', p, readers, writers, 'true').map((s) => (s.command === 'select' ? { ...s, suffix: 'public_select' } : s)));
      break;
    }
    case 'admin-bypass':
      break;
  }
  if (rls.template === 'admin-bypass' || rls.adminBypass) policies.push(...matchPolicies('admin', 'true', ['admin'], ['admin']));
  return { policies, filtered };
}

function template(rls: TableRlsTemplate): string {
  return rls.template;
}

/** hasLeadingIndex says whether an index, primary key or unique constraint starts with the column. */
function hasLeadingIndex(ctx: SecurityContext, table: Table, column: Column): boolean {
  const parent = table.partitionOf ? ctx.index.tables.get(table.partitionOf.parentId) : undefined;
  return [table, ...(parent ? [parent] : [])].some((t) =>
    t.primaryKey?.columnIds[0] === column.id
    || (t.uniques ?? []).some((u) => u.columnIds[0] === column.id)
    || (t.indexes ?? []).some((i) => i.elements[0]?.columnId === column.id && !i.where && (i.method ?? 'btree') === 'btree'));
}

/** relationNames lists names taken in a schema by tables, indexes, sequences and constraint indexes. */
function relationNames(ctx: SecurityContext, schemaId: string): Set<string> {
  const taken = new Set<string>();
  for (const t of ctx.model.tables.filter((t) => t.schemaId === schemaId)) {
    taken.add(t.name);
    for (const i of t.indexes ?? []) taken.add(i.name);
    for (const u of t.uniques ?? []) taken.add(u.name);
    if (t.primaryKey) taken.add(t.primaryKey.name);
  }
  for (const s of ctx.model.sequences ?? []) if (s.schemaId === schemaId) taken.add(s.name);
  return taken;
}

/** TemplatePolicy is one generated policy as data, for other emitters (the Drizzle export's pgPolicy). */
export interface TemplatePolicy {
  readonly tableId: string;
  readonly name: string;
  readonly command: Command;
  readonly roles: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
}

/** templatePolicies lists the policies rls.sql creates, with the same names, roles and expressions. */
export function templatePolicies(ctx: SecurityContext): TemplatePolicy[] {
  const out: TemplatePolicy[] = [];
  for (const table of ctx.model.tables) {
    const rls = table.security?.rls;
    if (!rls) continue;
    const plan = templatePlan(ctx, table, rls);
    if ('problem' in plan) continue;
    const names = new Set((table.policies ?? []).map((p) => p.name));
    for (const p of plan.policies) {
      out.push({
        tableId: table.id, name: uniqueName(fitName(table.name, p.suffix), names), command: p.command,
        roles: p.to.filter((r) => r !== 'admin' || ctx.needsAdmin).map((r) => ctx.roles[r]),
        ...(p.using ? { using: p.using } : {}), ...(p.withCheck ? { withCheck: p.withCheck } : {}),
      });
    }
  }
  return out;
}

export function rlsFile(ctx: SecurityContext): SecurityFile | undefined {
  const tables = ctx.model.tables.filter((t) => t.security?.rls);
  if (tables.length === 0) return undefined;
  const takenBySchema = new Map<string, Set<string>>();
  const warnings = new Warnings();
  const out: string[] = [
    '-- Row-level security from the templates. The app sets who is asking at the start of every transaction:',
    commentText(`--   BEGIN; SELECT set_config(${quoteLiteral(ctx.userIdSetting)}, $1, true);  -- true = local to this transaction`),
    commentText(`--   (and set_config(${quoteLiteral(ctx.tenantIdSetting)}, $2, true) for tenant tables)`),
    '-- Never a session-level SET on a pooled connection: the next request would inherit the identity.',
    '-- Unset means no rows: the policies compare with NULL.',
    '',
  ];
  let enabled = 0;
  for (const table of tables) {
    const rls = table.security!.rls!;
    const t = tableName(ctx, table);
    const plan = templatePlan(ctx, table, rls);
    if ('problem' in plan) {
      out.push(warnings.comment(`${schemaOf(ctx, table)}.${table.name}: template ${rls.template} skipped: ${plan.problem} (advisor rule rls-template-invalid).`), '');
      continue;
    }
    enabled++;
    out.push(commentText(`-- ${schemaOf(ctx, table)}.${table.name}: ${rls.template}${rls.adminBypass ? ' + admin bypass' : ''}`));
    out.push(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;`, `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`);
    const policyNames = new Set((table.policies ?? []).map((p) => p.name));
    for (const p of plan.policies) {
      const name = quoteIdent(uniqueName(fitName(table.name, p.suffix), policyNames));
      out.push(`DROP POLICY IF EXISTS ${name} ON ${t};`);
      out.push(`CREATE POLICY ${name} ON ${t} AS PERMISSIVE FOR ${p.command.toUpperCase()} TO ${roleList(ctx, p.to)}`
        + (p.using ? `\n  USING (${p.using})` : '') + (p.withCheck ? `\n  WITH CHECK (${p.withCheck})` : '') + ';');
    }
    for (const column of plan.filtered) {
      if (hasLeadingIndex(ctx, table, column)) continue;
      let taken = takenBySchema.get(table.schemaId);
      if (!taken) takenBySchema.set(table.schemaId, (taken = relationNames(ctx, table.schemaId)));
      const name = uniqueName(fitName(table.name, column.name, 'rls_idx'), taken);
      out.push(commentText(`-- The policies filter on ${column.name}: index it so RLS does not scan the table.`));
      out.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${t} (${quoteIdent(column.name)});`);
    }
    out.push('');
  }
  return {
    kind: 'rls',
    name: 'rls.sql',
    sql: out.join('\n'),
    explanation: `Enables and forces row-level security on ${enabled} table(s) (FORCE so the owner role obeys it too) and creates one policy per command `
      + `for explicit roles, comparing rows with ${ctx.userIdSetting}/${ctx.tenantIdSetting} read once per statement through (select current_setting(...)). `
      + 'Columns the policies filter on are indexed when no index leads with them. The app sets the identity per transaction with set_config(..., true).',
    warnings: warnings.list,
  };
}
