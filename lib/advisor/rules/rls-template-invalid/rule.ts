/** rls-template-invalid: an RLS template whose owner/tenant column is missing or cannot be compared. */
import type { Column, Table } from '@/lib/model';
import type { Rule } from '../../types';
import type { RuleContext } from '../../context';

const NO_EQUALITY = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'tsvector', 'tsquery', 'pg_snapshot']);

function comparable(c: Column): boolean {
  if (c.type.array || c.generated) return false;
  if (c.type.kind === 'builtin') return !NO_EQUALITY.has(c.type.name);
  if (c.type.kind === 'enum') return true;
  return /^(\w+\.)?citext$/i.test(c.type.sql.trim().replaceAll('"', ''));
}

function problem(ctx: RuleContext, table: Table): string | undefined {
  const rls = table.security?.rls;
  if (!rls || rls.template === 'admin-bypass') return undefined;
  const key = rls.template === 'tenant' ? 'tenantColumnId' : 'ownerColumnId';
  const id = rls.template === 'tenant' ? rls.tenantColumnId : rls.ownerColumnId;
  if (!id) return `the ${rls.template} template needs ${key}`;
  const column = ctx.index.column(table, id);
  if (!column) return `${key} ${id} is not a column of ${table.name}`;
  if (!comparable(column)) return `${column.name} is generated, an array or of a type without equality`;
  return undefined;
}

export const rlsTemplateInvalid: Rule = {
  id: 'rls-template-invalid',
  severity: 'error',
  title: 'RLS template cannot be generated',
  help: 'Point the template at a scalar column of the table (uuid, bigint or text) holding the owner or tenant id; rls.sql skips the table until then, leaving it unprotected.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => {
      const p = problem(ctx, table);
      return p ? [{ target: { id: table.id, path: `${ctx.tablePath(table)}.security.rls` }, message: `RLS template on ${table.name}: ${p}` }] : [];
    });
  },
};
