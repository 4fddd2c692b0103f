/** COMMENT ON for every object kind the model has; an absent comment renders IS NULL (removes it). */
import type { SqlNames } from './names';
import { quoteIdent, quoteLiteral } from './quote';

export type CommentTarget =
  | { readonly kind: 'schema'; readonly schemaId: string }
  | { readonly kind: 'extension'; readonly name: string }
  | { readonly kind: 'enum' | 'sequence'; readonly schemaId: string; readonly name: string }
  | { readonly kind: 'table'; readonly tableId: string }
  | { readonly kind: 'column'; readonly tableId: string; readonly name: string }
  | { readonly kind: 'constraint' | 'policy'; readonly tableId: string; readonly name: string }
  | { readonly kind: 'index'; readonly schemaId: string; readonly name: string };

function objectSql(target: CommentTarget, names: SqlNames): string {
  switch (target.kind) {
    case 'schema': return `SCHEMA ${names.schema(target.schemaId)}`;
    case 'extension': return `EXTENSION ${quoteIdent(target.name)}`;
    case 'enum': return `TYPE ${names.qualified(target.schemaId, target.name)}`;
    case 'sequence': return `SEQUENCE ${names.qualified(target.schemaId, target.name)}`;
    case 'table': return `TABLE ${names.tableById(target.tableId)}`;
    case 'column': return `COLUMN ${names.tableById(target.tableId)}.${quoteIdent(target.name)}`;
    case 'constraint': return `CONSTRAINT ${quoteIdent(target.name)} ON ${names.tableById(target.tableId)}`;
    case 'policy': return `POLICY ${quoteIdent(target.name)} ON ${names.tableById(target.tableId)}`;
    case 'index': return `INDEX ${names.qualified(target.schemaId, target.name)}`;
    default: throw new Error(`unknown comment target ${(target as { kind: string }).kind}`);
  }
}

export function commentOn(target: CommentTarget, comment: string | undefined, names: SqlNames): string {
  return `COMMENT ON ${objectSql(target, names)} IS ${comment === undefined ? 'NULL' : quoteLiteral(comment)}`;
}
