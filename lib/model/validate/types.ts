/**
 * Type rules: type modifiers each type takes and their ranges (PostgreSQL rejects some and silently
 * clamps others, e.g. time(9) becomes time(6)), custom type SQL parsed as one type name, extension
 * types whose extension is missing, COLLATE only on collatable types, multiranges only from 14.
 */
import { BUILTIN_TYPES, BUILTIN_TYPE_NAMES, type BuiltinTypeName, type TypeArgs } from '../builtin-types';
import { checkTypeSql, sqlParserReady } from '../expression';
import type { Column } from '../schema';
import type { RuleContext } from './context';
import { collatable, typeLabel } from './type-support';

/** Extension types people commonly write as custom types, and the extension that defines each. */
const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  citext: 'citext', hstore: 'hstore', ltree: 'ltree', lquery: 'ltree', cube: 'cube', seg: 'seg', isbn: 'isn', issn: 'isn', ean13: 'isn',
  geometry: 'postgis', geography: 'postgis', vector: 'vector', halfvec: 'vector', sparsevec: 'vector',
};

const LENGTH_MAX: Partial<Record<BuiltinTypeName, number>> = { varchar: 10485760, char: 10485760, bit: 83886080, varbit: 83886080 };
const CATALOG_NAMES: ReadonlySet<string> = new Set([...BUILTIN_TYPE_NAMES, ...BUILTIN_TYPE_NAMES.map((n) => BUILTIN_TYPES[n].catalog)]);

function builtinRules(ctx: RuleContext, c: Column, path: string): void {
  if (c.type.kind !== 'builtin') return;
  const { name, length, precision, scale } = c.type;
  const info = BUILTIN_TYPES[name as BuiltinTypeName];
  if (!info) return;
  const bad = (message: string) => ctx.error('type-modifier', message, `${path}.type`, c.id);
  if ('since' in info && info.since !== undefined && info.since > ctx.target) {
    ctx.error('version-feature', `type ${name} needs PostgreSQL ${info.since} (target is ${ctx.target})`, `${path}.type.name`, c.id);
  }
  switch (info.args as TypeArgs) {
    case 'none':
      if (length !== undefined || precision !== undefined || scale !== undefined) bad(`type ${name} takes no modifiers`);
      return;
    case 'length': {
      if (precision !== undefined || scale !== undefined) bad(`type ${name} takes a length, not precision or scale`);
      const max = LENGTH_MAX[name as BuiltinTypeName];
      if (length !== undefined && max !== undefined && length > max) bad(`${name} length ${length} is over the maximum ${max}`);
      return;
    }
    case 'precision-scale':
      if (length !== undefined) bad(`type ${name} takes precision and scale, not a length`);
      if (scale !== undefined && precision === undefined) bad(`${name} scale needs a precision`);
      if (precision !== undefined && (precision < 1 || precision > 1000)) bad(`${name} precision must be between 1 and 1000`);
      if (precision !== undefined && scale !== undefined) {
        if (ctx.target >= 15 ? scale < -1000 || scale > 1000 : scale < 0 || scale > precision) {
          bad(ctx.target >= 15 ? `${name} scale must be between -1000 and 1000` : `${name} scale must be between 0 and the precision ${precision} before PostgreSQL 15`);
        }
      }
      return;
    case 'precision':
    case 'time-precision':
      if (length !== undefined || scale !== undefined) bad(`type ${name} takes only a precision`);
      if (info.args === 'time-precision' && precision !== undefined && precision > 6) bad(`${name} precision ${precision} is over 6; PostgreSQL would reduce it to 6`);
      return;
  }
}

export function typeRules(ctx: RuleContext): void {
  const extensions = new Set((ctx.model.extensions ?? []).map((e) => e.name));
  ctx.model.tables.forEach((t) => {
    t.columns.forEach((c, j) => {
      const path = `${ctx.tablePath(t)}.columns[${j}]`;
      builtinRules(ctx, c, path);
      if (c.type.kind === 'custom') {
        const sql = c.type.sql;
        if (sqlParserReady()) {
          const problem = checkTypeSql(sql);
          if (problem) ctx.error('type-invalid', `custom type ${JSON.stringify(sql)}: ${problem.message}`, `${path}.type.sql`, c.id);
        }
        const bare = sql.trim().toLowerCase().replace(/\s*\(.*$/, '').replace(/^.*\./, '').replace(/"/g, '');
        if (/\[\s*\d*\s*\]\s*$/.test(sql)) ctx.warn('type-invalid', `write ${JSON.stringify(sql.replace(/\s*(\[\s*\d*\s*\]\s*)+$/, ''))} with "array": true instead of [] in the type SQL`, `${path}.type.sql`, c.id);
        else if (CATALOG_NAMES.has(sql.trim().toLowerCase())) ctx.warn('type-invalid', `${sql} is a built-in type; use {"kind": "builtin", "name": ...} so generators know it`, `${path}.type`, c.id);
        const ext = EXTENSION_TYPES[bare];
        if (ext && !extensions.has(ext)) ctx.warn('type-extension-missing', `type ${bare} comes from the extension ${ext}, which the model does not list in "extensions"`, `${path}.type.sql`, c.id);
      }
      if (c.collation !== undefined && !collatable(c.type)) {
        const enumName = c.type.kind === 'enum' ? ctx.index.enums.get(c.type.enumId)?.name : undefined;
        ctx.error('collation-unsupported', `collations are not supported by type ${typeLabel(c.type, enumName)}`, `${path}.collation`, c.id);
      }
    });
  });
}
