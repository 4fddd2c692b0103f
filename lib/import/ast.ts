/**
 * Small readers over pgsql-parser's JSON syntax tree. The tree is untyped JSON (libpg_query's protobuf
 * layout), so these helpers keep the `as` casts in one place and give the rest of the importer plain values.
 */
import { deparseSync } from 'pgsql-parser';

// The tree is JSON from libpg_query; every node is `{ NodeType: { ...fields } }`.
export type Node = Record<string, unknown>;
export type Fields = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** nodeType returns the single key of a wrapped node (`{ ColumnRef: {...} }` -> 'ColumnRef'). */
export function nodeType(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0] : undefined;
}

/** inner unwraps `{ T: fields }` when T is the expected type. */
export function inner(node: unknown, type: string): Fields | undefined {
  if (!node || typeof node !== 'object') return undefined;
  return (node as Fields)[type] as Fields | undefined;
}

/** strings reads a list of `{ String: { sval } }` nodes (qualified names, column lists). */
export function strings(list: unknown): string[] {
  if (!Array.isArray(list)) {
    const l = inner(list, 'List');
    return l ? strings(l.items) : [];
  }
  return list.map((n) => (inner(n, 'String')?.sval as string | undefined) ?? '');
}

export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/** rangeVarName reads a RangeVar; the unqualified schema is `public` (the importer assumes that search_path). */
export function rangeVarName(rv: Fields | undefined): QualifiedName {
  return { schema: (rv?.schemaname as string | undefined) ?? 'public', name: (rv?.relname as string | undefined) ?? '' };
}

/** qualified reads a name list `[schema,] name` (types, sequences, COMMENT objects). */
export function qualified(parts: string[]): QualifiedName {
  if (parts.length >= 2) return { schema: parts[parts.length - 2]!, name: parts[parts.length - 1]! };
  return { schema: 'public', name: parts[0] ?? '' };
}

export function qkey(q: QualifiedName): string {
  return `${q.schema}\u0000${q.name}`;
}

/** numericArg reads a DefElem argument (Integer, Float for big values, or a String) as a decimal string. */
export function numericArg(arg: unknown): string | undefined {
  const i = inner(arg, 'Integer');
  if (i) return String(i.ival ?? 0);
  const f = inner(arg, 'Float');
  if (f) return String(f.fval);
  const s = inner(arg, 'String');
  if (s) return String(s.sval);
  return undefined;
}

/** constInt reads an A_Const integer (the parser omits ival for 0). */
export function constInt(node: unknown): number | undefined {
  const c = inner(node, 'A_Const');
  if (!c || !c.ival) return undefined;
  return Number(c.ival.ival ?? 0);
}

/** deparse turns an expression node back into SQL text: the importer's normal form for expressions. */
export function deparse(node: unknown): string {
  if (!hasQuotedBit(node)) return deparseSync(node as never, { pretty: false } as never).trim();
  // The deparser prints the type "bit" (quoted: any length, as pg_get_expr and pg_dump write it, e.g.
  // `'101'::"bit"`) as bare `bit`, which PostgreSQL reads as bit(1): the cast would cut the value. A
  // placeholder name goes through the deparser instead and is replaced by the quoted name afterwards.
  let placeholder = 'pgcanvas_quoted_bit';
  while (JSON.stringify(node).includes(placeholder)) placeholder += '_';
  const copy = structuredClone(node);
  forEachTypeName(copy, (names) => { if (isQuotedBit(names)) (names[0] as { String: { sval: string } }).String.sval = placeholder; });
  return deparseSync(copy as never, { pretty: false } as never).trim().replaceAll(placeholder, '"bit"');
}

/** A one-part type name `bit` with no length can only come from the quoted "bit"; the keyword is pg_catalog.bit(1). */
function isQuotedBit(names: unknown[]): boolean {
  return names.length === 1 && (names[0] as { String?: { sval?: string } })?.String?.sval === 'bit';
}

function forEachTypeName(node: unknown, visit: (names: unknown[], typeName: Fields) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) forEachTypeName(n, visit);
    return;
  }
  for (const [key, value] of Object.entries(node as Fields)) {
    if ((key === 'typeName' || key === 'TypeName') && value && Array.isArray((value as Fields).names) && !(value as Fields).typmods?.length) visit((value as Fields).names, value as Fields);
    forEachTypeName(value, visit);
  }
}

function hasQuotedBit(node: unknown): boolean {
  let found = false;
  forEachTypeName(node, (names) => { if (isQuotedBit(names)) found = true; });
  return found;
}

/** walk visits every wrapped node under `node` (depth first), including node itself. */
export function walk(node: unknown, visit: (type: string, fields: Fields) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  for (const [key, value] of Object.entries(node as Fields)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && /^[A-Z]/.test(key)) visit(key, value as Fields);
    walk(value, visit);
  }
}
