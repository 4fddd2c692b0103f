/**
 * renderType turns a model column type into SQL: built-in types with their modifiers in the spelling
 * PostgreSQL documents, enums by id as quoted qualified names, custom types verbatim, `[]` for arrays.
 */
import { BUILTIN_TYPES, type BuiltinTypeInfo, type BuiltinTypeName, type ColumnType } from '@/lib/model';
import type { SqlNames } from './names';
import { requireTarget } from './target';
import { endLineComment } from './expression';

/** `where` names the object in an error; a function is called only when there is an error to report. */
export function renderType(type: ColumnType, names: SqlNames, where: string | (() => string) = 'column'): string {
  const suffix = type.array ? '[]' : '';
  switch (type.kind) {
    case 'builtin':
      return renderBuiltin(type.name as BuiltinTypeName, type, names.target, where) + suffix;
    case 'enum': {
      const e = names.enumObject(type.enumId);
      return names.qualified(e.schemaId, e.name) + suffix;
    }
    case 'custom':
      return endLineComment(type.sql.trim()) + suffix;
    default:
      throw new Error(`unknown column type kind ${(type as { kind: string }).kind}`);
  }
}

interface Modifiers { length?: number; precision?: number; scale?: number }

function renderBuiltin(name: BuiltinTypeName, mods: Modifiers, target: number, where: string | (() => string)): string {
  const info: BuiltinTypeInfo = BUILTIN_TYPES[name];
  if (info.since !== undefined && target < info.since) requireTarget(target, info.since, `type ${name}`, typeof where === 'string' ? where : where());
  switch (info.args) {
    case 'none':
      return info.catalog;
    case 'length':
      return mods.length === undefined ? info.catalog : `${info.catalog}(${mods.length})`;
    case 'precision-scale':
      if (mods.precision === undefined) return info.catalog;
      return mods.scale === undefined ? `${info.catalog}(${mods.precision})` : `${info.catalog}(${mods.precision},${mods.scale})`;
    case 'precision':
      return mods.precision === undefined ? info.catalog : `${info.catalog}(${mods.precision})`;
    case 'time-precision': {
      if (mods.precision === undefined) return info.catalog;
      // "timestamp with time zone" takes its precision after the first word: timestamp(3) with time zone.
      const space = info.catalog.indexOf(' ');
      return space < 0 ? `${info.catalog}(${mods.precision})` : `${info.catalog.slice(0, space)}(${mods.precision})${info.catalog.slice(space)}`;
    }
    default:
      throw new Error(`unknown type argument kind ${(info as { args: string }).args}`);
  }
}
