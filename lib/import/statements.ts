/**
 * The statement dispatcher: each top-level statement either becomes model objects, is kept verbatim as a
 * SQL object (with its phase), or is ignored/skipped with a report entry. One closed table of kinds.
 */
import { parseSync } from 'pgsql-parser';
import type { SqlObject } from '@/lib/model/schema';
import { inner, nodeType, qkey, qualified, rangeVarName, strings, walk, type Fields, type QualifiedName } from './ast';
import { alterTable } from './alter-table';
import { comment } from './comments';
import { createTable } from './create-table';
import { createIndex } from './indexes';
import { alterEnum, alterSequence, createEnum, createExtension, createSchema, createSequence } from './objects';
import { createPolicy } from './policies';
import { dropStatement } from './drop';
import type { ImportState } from './state';

type Phase = SqlObject['phase'];

/** Statements kept verbatim, with the kind the report shows and where they go in the DDL. */
const VERBATIM: Record<string, [kind: string, phase: Phase]> = {
  CreateDomainStmt: ['domain', 'pre-tables'],
  AlterDomainStmt: ['alter domain', 'pre-tables'],
  CompositeTypeStmt: ['type', 'pre-tables'],
  CreateRangeStmt: ['type', 'pre-tables'],
  CreateCastStmt: ['cast', 'pre-tables'],
  CreateOpClassStmt: ['operator class', 'pre-tables'],
  CreateOpFamilyStmt: ['operator family', 'pre-tables'],
  CreateConversionStmt: ['conversion', 'pre-tables'],
  CreateFdwStmt: ['foreign data wrapper', 'pre-tables'],
  CreateForeignServerStmt: ['server', 'pre-tables'],
  CreateUserMappingStmt: ['user mapping', 'pre-tables'],
  CreateRoleStmt: ['role', 'pre-tables'],
  AlterRoleStmt: ['role', 'pre-tables'],
  CreateTransformStmt: ['transform', 'pre-tables'],
  CreatePLangStmt: ['language', 'pre-tables'],
  AlterFunctionStmt: ['alter function', 'post-tables'],
  AlterObjectSchemaStmt: ['alter', 'post-tables'],
  RenameStmt: ['rename', 'post-tables'],
  CreateForeignTableStmt: ['foreign table', 'post-tables'],
  CreateTrigStmt: ['trigger', 'post-tables'],
  CreateEventTrigStmt: ['event trigger', 'post-tables'],
  RuleStmt: ['rule', 'post-tables'],
  GrantStmt: ['grant', 'post-tables'],
  GrantRoleStmt: ['grant', 'post-tables'],
  AlterDefaultPrivilegesStmt: ['default privileges', 'post-tables'],
  SecLabelStmt: ['security label', 'post-tables'],
  DoStmt: ['do block', 'post-tables'],
  CreatePublicationStmt: ['publication', 'post-tables'],
  CreateSubscriptionStmt: ['subscription', 'post-tables'],
  CreateStatsStmt: ['statistics', 'post-tables'],
  RefreshMatViewStmt: ['refresh', 'post-tables'],
  AlterExtensionStmt: ['alter extension', 'post-tables'],
  AlterExtensionContentsStmt: ['alter extension', 'post-tables'],
  ClusterStmt: ['cluster', 'post-tables'],
  AlterEnumStmt: ['alter type', 'pre-tables'],
};

const DATA = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'CopyStmt', 'MergeStmt', 'TruncateStmt']);
const SESSION = new Set(['VariableSetStmt', 'TransactionStmt', 'CheckPointStmt', 'DiscardStmt', 'LockStmt', 'VariableShowStmt']);

export function applyStatement(s: ImportState, stmt: unknown): void {
  const type = nodeType(stmt);
  if (!type) return;
  const f = inner(stmt, type)!;
  switch (type) {
    case 'CreateSchemaStmt': return createSchema(s, f);
    case 'CreateExtensionStmt': return createExtension(s, f);
    case 'CreateEnumStmt': return createEnum(s, f);
    case 'AlterEnumStmt': return alterEnum(s, f);
    case 'CreateSeqStmt': return createSequence(s, f);
    case 'AlterSeqStmt': return alterSequence(s, f);
    case 'CreateStmt': return createTable(s, f);
    case 'AlterTableStmt': return alterTable(s, f);
    case 'IndexStmt': return createIndex(s, f);
    case 'CreatePolicyStmt': return createPolicy(s, f);
    case 'CommentStmt': return comment(s, f);
    case 'CreateFunctionStmt': return createFunction(s, f);
    case 'DefineStmt': return s.verbatim(defineKind(f.kind as string), 'pre-tables', strings(f.defnames).join('.'));
    case 'ViewStmt': {
      const q = rangeVarName(f.view);
      s.verbatimRelations.add(qkey(q));
      return s.verbatim('view', 'post-tables', q.name);
    }
    case 'CreateTableAsStmt': {
      const q = rangeVarName(f.into?.rel);
      s.verbatimRelations.add(qkey(q));
      return s.verbatim(f.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table as', 'post-tables', q.name);
    }
    case 'AlterOwnerStmt':
      return s.noteGrouped('ignored', 'owner', 'ownership is not part of the design (OWNER TO)');
    case 'SelectStmt':
      if (isSetConfig(f)) return s.noteGrouped('ignored', 'set', 'session setting (set_config)');
      return s.noteGrouped('skipped', 'query', 'a query is not schema');
    case 'DropStmt':
      return dropStatement(s, f);
    case 'CreatedbStmt':
      return s.note('skipped', 'database', 'CREATE DATABASE is outside a design');
    default:
      break;
  }
  if (DATA.has(type)) return s.noteGrouped('skipped', 'data', 'data is not schema', dataTable(f));
  if (SESSION.has(type)) return s.noteGrouped('ignored', 'set', 'session statement (SET, BEGIN, COMMIT, ...)');
  const [kind, phase] = VERBATIM[type] ?? ['statement', 'post-tables'];
  s.verbatim(kind, phase, objectName(f));
}

/** objectName finds a readable name for a verbatim statement's object, where it has one. */
function objectName(f: Fields): string | undefined {
  const list = (v: unknown) => { const n = strings(v); return n.length ? n.join('.') : undefined; };
  if (f.domainname) return list(f.domainname);
  if (f.trigname) return `${String(f.trigname)} on ${rangeVarName(f.relation).name}`;
  if (f.rulename) return `${String(f.rulename)} on ${rangeVarName(f.relation).name}`;
  if (f.typevar) return rangeVarName(f.typevar).name;
  if (f.typeName && Array.isArray(f.typeName)) return list(f.typeName);
  if (f.relation?.relname) return rangeVarName(f.relation).name;
  if (f.func) return list(inner(f.func, 'ObjectWithArgs')?.objname ?? f.func.objname);
  if (typeof f.servername === 'string') return f.servername;
  if (typeof f.role === 'string') return f.role;
  return undefined;
}

function defineKind(kind: string): string {
  return kind.replace(/^OBJECT_/, '').toLowerCase().replace(/_/g, ' ');
}

function isSetConfig(f: Fields): boolean {
  const targets = (f.targetList as unknown[] | undefined) ?? [];
  if (targets.length !== 1 || f.fromClause) return false;
  const call = inner(inner(targets[0], 'ResTarget')?.val, 'FuncCall');
  const name = strings(call?.funcname);
  return name[name.length - 1] === 'set_config';
}

function dataTable(f: Fields): string | undefined {
  const rel = f.relation as Fields | undefined;
  return rel?.relname as string | undefined;
}

/**
 * createFunction keeps a function verbatim. Functions go before the tables, since defaults, checks,
 * generated columns, index expressions, policies and domains may call them, unless PostgreSQL needs the
 * tables first (routinePlacement).
 */
function createFunction(s: ImportState, f: Fields): void {
  const name = strings(f.funcname).join('.');
  const kind = f.is_procedure ? 'procedure' : 'function';
  const isRelation = (q: QualifiedName) => s.table(q) !== undefined || s.verbatimRelations.has(qkey(q));
  const placement = routinePlacement(f, isRelation);
  if (placement === 'post-tables') {
    s.postTablesRoutines.add(qkey(qualified(strings(f.funcname))));
    return s.verbatim(kind, 'post-tables', name);
  }
  s.verbatim(kind, 'pre-tables', name, placement === 'pre-tables-unchecked' ? withoutBodyCheck(s.text) : s.text);
}

/**
 * withoutBodyCheck wraps a CREATE FUNCTION so PostgreSQL does not check its SQL body, as pg_dump does
 * (`SET check_function_bodies = false`): the body reads tables that do not exist yet.
 */
export function withoutBodyCheck(sql: string): string {
  return `SET check_function_bodies = false;\n${sql.trim().replace(/;\s*$/, '')};\nRESET check_function_bodies;`;
}

/**
 * routinePlacement says where a CREATE FUNCTION can run: after the tables when a parameter or result is
 * a table's row type (or `%TYPE`), or when a SQL-standard body (BEGIN ATOMIC / RETURN) reads tables, which
 * PostgreSQL resolves at creation whatever the settings; before them otherwise, with the body check off
 * (`pre-tables-unchecked`) when a LANGUAGE sql string body reads tables. Before the tables is where a policy,
 * default or check that calls the function needs it.
 */
export function routinePlacement(f: Fields, isRelation: (q: QualifiedName) => boolean): 'pre-tables' | 'pre-tables-unchecked' | 'post-tables' {
  if (signatureUsesRowTypes(f, isRelation)) return 'post-tables';
  if (f.sql_body) return readsTables(f.sql_body) ? 'post-tables' : 'pre-tables';
  return sqlBodyReadsTables(f) ? 'pre-tables-unchecked' : 'pre-tables';
}

function signatureUsesRowTypes(f: Fields, isRelation: (q: QualifiedName) => boolean): boolean {
  let found = false;
  walk([f.parameters, f.returnType ? { TypeName: f.returnType } : undefined], (type, fields) => {
    if (type !== 'TypeName') return;
    const names = strings(fields.names);
    if (fields.pct_type) found = true;
    if (isRelation(qualified(names.length > 1 ? names.slice(-2) : names))) found = true;
  });
  return found;
}

function sqlBodyReadsTables(f: Fields): boolean {
  let language = 'sql';
  let body: string | undefined;
  for (const o of (f.options as unknown[] | undefined) ?? []) {
    const d = inner(o, 'DefElem');
    if (d?.defname === 'language') language = String(inner(d.arg, 'String')?.sval ?? '').toLowerCase();
    if (d?.defname === 'as') body = strings(d.arg)[0];
  }
  if (language !== 'sql' || body === undefined) return false;
  try {
    return readsTables(parseSync(body));
  } catch {
    return true; // a body the parser cannot read: safest after the tables
  }
}

function readsTables(tree: unknown): boolean {
  let found = false;
  walk(tree, (type) => {
    if (type === 'RangeVar') found = true;
  });
  if (!found) {
    // RangeVar nodes sit unwrapped under `relation` keys; look for those too.
    walk(tree, (_t, fields) => {
      if (fields.relation || fields.fromClause) found = true;
    });
  }
  return found;
}
