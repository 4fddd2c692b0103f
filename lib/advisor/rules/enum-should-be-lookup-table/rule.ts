/** enum-should-be-lookup-table: enums with many values (they change, and values cannot be removed). */
import type { Rule } from '../../types';

export const enumShouldBeLookupTable: Rule = {
  id: 'enum-should-be-lookup-table',
  severity: 'info',
  title: 'Enum with many values',
  help: 'Use a lookup table with a foreign key: rows can be added, renamed, retired and described without ALTER TYPE, and values can carry data (labels, order, active flag).',
  check(ctx) {
    const max = ctx.options.maxEnumValues ?? 12;
    return (ctx.model.enums ?? []).flatMap((e, i) => (e.values.length > max
      ? [{ target: { id: e.id, path: `enums[${i}]` }, message: `enum ${e.name} has ${e.values.length} values (more than ${max})` }]
      : []));
  },
};
