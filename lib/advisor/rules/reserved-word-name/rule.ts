/** reserved-word-name: objects named with a PostgreSQL reserved key word (user, order, table, ...). */
import type { Rule } from '../../types';
import { RESERVED_WORDS } from '../../named-objects';
import { RENAME_BLOCKED_HELP, referencedBySql, renameFix } from '../../rename';

export const reservedWordName: Rule = {
  id: 'reserved-word-name',
  severity: 'warning',
  title: 'Name is a reserved SQL key word',
  help: 'Rename it (users, orders, ...): reserved words must be double-quoted in every hand-written query, ORM and tool, and one forgotten quote is a syntax error.',
  check(ctx) {
    return ctx.namedObjects().filter((o) => RESERVED_WORDS.has(o.name.toLowerCase())).map((o) => {
      const fix = renameFix(ctx.model, o, `${o.name.toLowerCase()}_${o.kind === 'column' ? 'value' : o.kind === 'table' ? 'entries' : o.kind}`);
      return { target: { id: o.id, path: o.path }, message: `${o.kind} ${o.name} is a reserved word`, ...(fix ? { fix } : referencedBySql(ctx.model, o) ? { help: `${reservedWordName.help} ${RENAME_BLOCKED_HELP}` } : {}) };
    });
  },
};
