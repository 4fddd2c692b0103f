/**
 * Grants in roles.sql for what the model keeps as verbatim SQL (sqlObjects), read from the statement
 * heads. A view made WITH (security_invoker) checks privileges and row-level security as the caller, so
 * it is granted like a table: SELECT to the app, admin and read-only roles (the read-only role's column
 * limits on the tables still apply through it). Any other view reads its tables with its owner's rights,
 * which skips row-level security and those column limits, and a materialized view holds rows no policy
 * filters: granting them is left to the user, with a comment saying why. Functions keep PostgreSQL's
 * default EXECUTE for PUBLIC: an ordinary function runs with the caller's rights, so that is safe; a
 * SECURITY DEFINER function is the user's decision (the advisor checks its search_path).
 */
import { quoteIdent, quoteQualified } from '@/lib/sql/quote';
import { commentText } from './names';
import { roleList, verbatimCreated, type SecurityContext } from './context';
import type { CreatedObject } from './sql-heads';

const render = (o: CreatedObject) => (o.schema === undefined ? quoteIdent(o.name) : quoteQualified(o.schema, o.name));
const label = (o: CreatedObject) => (o.schema === undefined ? o.name : `${o.schema}.${o.name}`);

/** verbatimGrantLines returns the lines roles.sql adds for verbatim views and functions (none when there are none). */
export function verbatimGrantLines(ctx: SecurityContext): string[] {
  const created = verbatimCreated(ctx).flat();
  const views = created.filter((o) => o.kind === 'relation' && (o.relkind === 'view' || o.relkind === 'materialized view'));
  const functions = created.filter((o) => o.kind === 'function');
  if (views.length === 0 && functions.length === 0) return [];
  const out: string[] = ['-- Views and functions kept as verbatim SQL.'];
  for (const v of views) {
    if (v.relkind === 'view' && v.securityInvoker) {
      out.push(`GRANT SELECT ON TABLE ${render(v)} TO ${roleList(ctx, ['app', 'admin', 'readonly'])};  -- security_invoker: the caller's rights and policies apply`);
    } else if (v.relkind === 'view') {
      out.push(commentText(`-- view ${label(v)}: not granted: without security_invoker it reads its tables with its owner's rights, skipping row-level security and the read-only role's column limits; create it WITH (security_invoker = true) (PostgreSQL 15+) to have it granted here, or grant it yourself.`));
    } else {
      out.push(commentText(`-- materialized view ${label(v)}: not granted: it holds a copy of rows that row-level security does not filter; grant it yourself if every row may be read.`));
    }
  }
  if (functions.length > 0) {
    out.push(commentText(`-- Functions (${functions.map(label).join(', ')}): EXECUTE stays as PostgreSQL sets it (PUBLIC): an ordinary function runs with the caller's rights; for a SECURITY DEFINER one, REVOKE EXECUTE ... FROM PUBLIC and grant it to the roles that need it.`));
  }
  out.push('');
  return out;
}
