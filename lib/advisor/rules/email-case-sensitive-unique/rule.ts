/** email-case-sensitive-unique: a unique email column of type text (case-sensitive) without a unique lower(email) index or a CHECK keeping it lower-case. */
import type { Rule } from '../../types';
import { isCitext, isEmailName, lowerCaseCheck, lowerUniqueIndex } from '../../email-columns';

export const emailCaseSensitiveUnique: Rule = {
  id: 'email-case-sensitive-unique',
  severity: 'warning',
  title: 'Email uniqueness is case-sensitive',
  help: 'Make uniqueness case-insensitive: use citext, or a unique index on lower(email) instead of a plain unique constraint. Otherwise Bob@x.com and bob@x.com are two accounts.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => table.columns.flatMap((column) => {
      if (!isEmailName(column.name) || isCitext(column) || column.type.kind !== 'builtin') return [];
      const plainUnique = ctx.keysOf(table).find((k) => k.unique && !k.partial && k.columnIds.length === 1 && k.elementCount === 1 && k.columnIds[0] === column.id);
      if (!plainUnique || lowerUniqueIndex(table, column) || lowerCaseCheck(table, column)) return [];
      return [{ target: { id: column.id, path: ctx.columnPath(table, column) }, message: `${table.name}.${column.name} is unique case-sensitively (${plainUnique.name})` }];
    }));
  },
};
