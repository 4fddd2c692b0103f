/**
 * SQL text for the companion files (extras.sql): type names, index and constraint definitions that
 * Drizzle cannot declare. Identifiers go through `quoteIdent`, literals through `quoteLiteral`.
 */
import { BUILTIN_TYPES, type BuiltinTypeName, type Check, type Policy, type ColumnType, type ForeignKey, type Index, type ModelIndex, type Table, type Unique } from '@/lib/model';
import { quoteIdent, quoteQualified } from '@/lib/sql/quote';

/** builtinTypeSql is the catalog spelling of a built-in type with its modifiers, without array brackets. */
export function builtinTypeSql(type: Extract<ColumnType, { kind: 'builtin' }>): string {
  const info = BUILTIN_TYPES[type.name as BuiltinTypeName];
  switch (info.args) {
    case 'none':
      return info.catalog;
    case 'length':
      return type.length === undefined ? info.catalog : `${info.catalog}(${type.length})`;
    case 'precision-scale':
      if (type.precision === undefined) return info.catalog;
      return type.scale === undefined ? `${info.catalog}(${type.precision})` : `${info.catalog}(${type.precision},${type.scale})`;
    case 'time-precision': {
      if (type.precision === undefined) return info.catalog;
      // `timestamp(3) with time zone`: the modifier goes after the first word.
      const [head, ...rest] = info.catalog.split(' ');
      return [`${head}(${type.precision})`, ...rest].join(' ');
    }
  }
}

/** typeSql renders any column type as PostgreSQL reads it. */
export function typeSql(type: ColumnType, idx: ModelIndex): string {
  let base: string;
  switch (type.kind) {
    case 'builtin':
      base = builtinTypeSql(type);
      break;
    case 'enum': {
      const e = idx.enums.get(type.enumId);
      base = e ? quoteQualified(idx.schemaName(e.schemaId) ?? 'public', e.name) : 'unknown';
      break;
    }
    case 'custom':
      base = type.sql;
      break;
  }
  return type.array ? `${base}[]` : base;
}

export function tableSql(table: Table, idx: ModelIndex): string {
  return quoteQualified(idx.schemaName(table.schemaId) ?? 'public', table.name);
}

function columnList(table: Table, ids: readonly string[], idx: ModelIndex): string {
  return ids.map((id) => quoteIdent(idx.column(table, id)?.name ?? id)).join(', ');
}

export function uniqueSql(table: Table, u: Unique, idx: ModelIndex): string {
  return `CONSTRAINT ${quoteIdent(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(table, u.columnIds, idx)})${deferrableSql(u)}`;
}

export function checkSql(c: Check): string {
  return `CONSTRAINT ${quoteIdent(c.name)} CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}`;
}

export function foreignKeySql(table: Table, fk: ForeignKey, idx: ModelIndex): string {
  const target = idx.tables.get(fk.refTableId);
  const parts = [
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${columnList(table, fk.columnIds, idx)})`,
    `REFERENCES ${target ? tableSql(target, idx) : '?'} (${target ? columnList(target, fk.refColumnIds, idx) : ''})`,
  ];
  if (fk.match === 'full') parts.push('MATCH FULL');
  if (fk.onDelete && fk.onDelete !== 'no action') parts.push(`ON DELETE ${fk.onDelete.toUpperCase()}`);
  if (fk.onUpdate && fk.onUpdate !== 'no action') parts.push(`ON UPDATE ${fk.onUpdate.toUpperCase()}`);
  return parts.join(' ') + deferrableSql(fk);
}

export function deferrableSql(c: { deferrable?: boolean; initiallyDeferred?: boolean }): string {
  if (!c.deferrable) return '';
  return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

/** indexElementSql renders one index element: column or (expression), collation, opclass, order, nulls. */
export function indexElementSql(table: Table, el: Index['elements'][number], idx: ModelIndex): string {
  const parts = [el.columnId !== undefined ? quoteIdent(idx.column(table, el.columnId)?.name ?? el.columnId) : `(${el.expression ?? ''})`];
  if (el.collation !== undefined) parts.push(`COLLATE ${quoteIdent(el.collation)}`);
  if (el.opclass !== undefined) parts.push(el.opclass);
  if (el.order === 'desc') parts.push('DESC');
  if (el.nulls !== undefined) parts.push(el.nulls === 'first' ? 'NULLS FIRST' : 'NULLS LAST');
  return parts.join(' ');
}

export function createIndexSql(table: Table, index: Index, idx: ModelIndex): string {
  const parts = [`CREATE${index.unique ? ' UNIQUE' : ''} INDEX ${quoteIdent(index.name)} ON ${tableSql(table, idx)}`];
  if (index.method && index.method !== 'btree') parts.push(`USING ${index.method}`);
  parts.push(`(${index.elements.map((el) => indexElementSql(table, el, idx)).join(', ')})`);
  if (index.include?.length) parts.push(`INCLUDE (${columnList(table, index.include, idx)})`);
  if (index.nullsNotDistinct) parts.push('NULLS NOT DISTINCT');
  if (index.where !== undefined) parts.push(`WHERE (${index.where})`);
  return `${parts.join(' ')};`;
}

const ROLE_KEYWORDS: Record<string, string> = { public: 'PUBLIC', current_user: 'CURRENT_USER', current_role: 'CURRENT_ROLE', session_user: 'SESSION_USER' };

export function createPolicySql(table: Table, policy: Policy, idx: ModelIndex): string {
  const parts = [`CREATE POLICY ${quoteIdent(policy.name)} ON ${tableSql(table, idx)}`];
  if (policy.permissive === false) parts.push('AS RESTRICTIVE');
  if (policy.command && policy.command !== 'all') parts.push(`FOR ${policy.command.toUpperCase()}`);
  if (policy.roles?.length) parts.push(`TO ${policy.roles.map((r) => ROLE_KEYWORDS[r] ?? quoteIdent(r)).join(', ')}`);
  if (policy.using !== undefined) parts.push(`USING (${policy.using})`);
  if (policy.withCheck !== undefined) parts.push(`WITH CHECK (${policy.withCheck})`);
  return `${parts.join(' ')};`;
}
