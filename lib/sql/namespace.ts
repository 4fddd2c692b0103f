/** DDL fragments for schemas, extensions and enum types. */
import type { Enum, Extension, Schema } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent, quoteLiteral } from './quote';

export function createSchema(schema: Schema): string {
  return `CREATE SCHEMA ${quoteIdent(schema.name)}`;
}

export function dropSchema(schema: Schema): string {
  return `DROP SCHEMA ${quoteIdent(schema.name)}`;
}

export function renameSchema(from: string, to: string): string {
  return `ALTER SCHEMA ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`;
}

/** createExtension uses IF NOT EXISTS: extensions are often installed by the platform already. */
export function createExtension(ext: Extension, names: SqlNames): string {
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(ext.name)}${ext.schemaId !== undefined ? ` WITH SCHEMA ${names.schema(ext.schemaId)}` : ''}`;
}

export function dropExtension(ext: Extension): string {
  return `DROP EXTENSION ${quoteIdent(ext.name)}`;
}

export function setExtensionSchema(ext: Extension, names: SqlNames): string {
  return `ALTER EXTENSION ${quoteIdent(ext.name)} SET SCHEMA ${ext.schemaId !== undefined ? names.schema(ext.schemaId) : quoteIdent('public')}`;
}

export function createEnum(e: Enum, names: SqlNames): string {
  return `CREATE TYPE ${names.qualified(e.schemaId, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`;
}

export function dropEnum(e: Enum, names: SqlNames): string {
  return `DROP TYPE ${names.qualified(e.schemaId, e.name)}`;
}

export function addEnumValue(e: Enum, value: string, names: SqlNames, position?: { before?: string; after?: string }): string {
  let sql = `ALTER TYPE ${names.qualified(e.schemaId, e.name)} ADD VALUE ${quoteLiteral(value)}`;
  if (position?.before !== undefined) sql += ` BEFORE ${quoteLiteral(position.before)}`;
  else if (position?.after !== undefined) sql += ` AFTER ${quoteLiteral(position.after)}`;
  return sql;
}

export function renameEnumValue(e: Enum, from: string, to: string, names: SqlNames): string {
  return `ALTER TYPE ${names.qualified(e.schemaId, e.name)} RENAME VALUE ${quoteLiteral(from)} TO ${quoteLiteral(to)}`;
}

/** renameInSchema renders ALTER <kind> "schema"."from" RENAME TO "to" for types and sequences. */
export function renameInSchema(kind: 'TYPE' | 'SEQUENCE', schemaId: string, from: string, to: string, names: SqlNames): string {
  return `ALTER ${kind} ${names.qualified(schemaId, from)} RENAME TO ${quoteIdent(to)}`;
}

export function setSchema(kind: 'TYPE' | 'SEQUENCE', schemaId: string, name: string, toSchemaId: string, names: SqlNames): string {
  return `ALTER ${kind} ${names.qualified(schemaId, name)} SET SCHEMA ${names.schema(toSchemaId)}`;
}
