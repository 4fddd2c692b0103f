/**
 * columnTypeFromCatalog maps `format_type()` text back to the model's column type: built-in types to
 * their short names with modifiers, enums to ids, anything else to a custom type with the catalog's text.
 */
import type { ColumnType } from '@/lib/model/schema';
import { BUILTIN_TYPES, builtinByCatalogName } from '@/lib/model/builtin-types';

export function columnTypeFromCatalog(text: string, isArray: boolean, enumId: string | undefined): ColumnType {
  const array = isArray ? { array: true } : {};
  if (enumId) return { kind: 'enum', enumId, ...array };
  const m = /\((\d+)(?:,(\d+))?\)/.exec(text);
  const base = m ? (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim() : text;
  const name = builtinByCatalogName.get(base);
  if (name) {
    const args = BUILTIN_TYPES[name].args;
    const a = m ? Number(m[1]) : undefined;
    const b = m?.[2] !== undefined ? Number(m[2]) : undefined;
    switch (args) {
      case 'none':
        if (!m) return { kind: 'builtin', name, ...array };
        break;
      case 'length':
        if (b === undefined) return { kind: 'builtin', name, ...(a !== undefined ? { length: a } : {}), ...array };
        break;
      case 'precision-scale':
        return { kind: 'builtin', name, ...(a !== undefined ? { precision: a } : {}), ...(b ? { scale: b } : {}), ...array };
      case 'time-precision':
        if (b === undefined) return { kind: 'builtin', name, ...(a !== undefined ? { precision: a } : {}), ...array };
        break;
    }
  }
  return { kind: 'custom', sql: text, ...array };
}
