/** name-needs-quoting: names with capitals, spaces or symbols that must be double-quoted in SQL. */
import type { Rule } from '../../types';
import { plainIdentifier, RESERVED_WORDS, snakeCase } from '../../named-objects';
import { RENAME_BLOCKED_HELP, referencedBySql, renameFix } from '../../rename';

export const nameNeedsQuoting: Rule = {
  id: 'name-needs-quoting',
  severity: 'info',
  title: 'Name needs double quotes in SQL',
  help: 'Use lower_snake_case: unquoted names are folded to lower case, so "OrderItems" must be quoted everywhere, forever.',
  check(ctx) {
    return ctx.namedObjects().filter((o) => !plainIdentifier(o.name) && !RESERVED_WORDS.has(o.name.toLowerCase())).map((o) => {
      const suggestion = snakeCase(o.name);
      const fix = suggestion && plainIdentifier(suggestion) ? renameFix(ctx.model, o, suggestion) : undefined;
      return { target: { id: o.id, path: o.path }, message: `${o.kind} ${JSON.stringify(o.name)} must be quoted in SQL${suggestion ? ` (suggested: ${suggestion})` : ''}`, ...(fix ? { fix } : referencedBySql(ctx.model, o) ? { help: `${nameNeedsQuoting.help} ${RENAME_BLOCKED_HELP}` } : {}) };
    });
  },
};
