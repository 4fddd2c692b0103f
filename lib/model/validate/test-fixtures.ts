/**
 * A small valid model exercising most features, and helpers for rule tests: each rule test breaks
 * one thing in a fresh copy and expects exactly that finding. Test-only.
 */
import { expect } from 'vitest';
import type { Model } from '../schema';
import { validate, type Finding, type FindingCode } from './index';

export function baseModel(): Model {
  return structuredClone({
    format: 1,
    schemas: [{ id: 'schema_public', name: 'public' }, { id: 'schema_app', name: 'app' }],
    extensions: [{ id: 'ext_citext', name: 'citext' }],
    enums: [{ id: 'enum_status', schemaId: 'schema_public', name: 'status', values: ['active', 'gone'] }],
    sequences: [{ id: 'seq_n', schemaId: 'schema_public', name: 'users_n_seq', dataType: 'integer', ownedBy: { tableId: 'tbl_users', columnId: 'col_users_n' } }],
    tables: [
      {
        id: 'tbl_users', schemaId: 'schema_public', name: 'users',
        columns: [
          { id: 'col_users_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } },
          { id: 'col_users_email', name: 'email', type: { kind: 'custom', sql: 'citext' }, nullable: false },
          { id: 'col_users_name', name: 'name', type: { kind: 'builtin', name: 'text' }, nullable: true, collation: 'C' },
          { id: 'col_users_n', name: 'n', type: { kind: 'builtin', name: 'integer' }, nullable: false, sequenceId: 'seq_n' },
          { id: 'col_users_status', name: 'status', type: { kind: 'enum', enumId: 'enum_status' }, nullable: false, default: "'active'" },
          { id: 'col_users_created', name: 'created_at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: false, default: 'now()' },
          { id: 'col_users_lower', name: 'lower_name', type: { kind: 'builtin', name: 'text' }, nullable: true, generated: { expression: 'lower("name")' } },
          { id: 'col_users_doc', name: 'doc', type: { kind: 'builtin', name: 'jsonb' }, nullable: true },
        ],
        primaryKey: { id: 'pk_users', name: 'users_pkey', columnIds: ['col_users_id'] },
        uniques: [{ id: 'uq_users_email', name: 'users_email_key', columnIds: ['col_users_email'] }],
        checks: [{ id: 'ck_users_name', name: 'users_name_check', expression: 'char_length("name") <= 100' }],
        indexes: [
          { id: 'ix_users_lower', name: 'users_lower_idx', elements: [{ expression: 'lower("name")' }], where: '"name" IS NOT NULL' },
          { id: 'ix_users_doc', name: 'users_doc_idx', method: 'gin', elements: [{ columnId: 'col_users_doc' }] },
        ],
        rls: { enabled: true },
        policies: [{ id: 'pol_users_self', name: 'self', command: 'select', roles: ['public'], using: "id = current_setting('app.user_id')::bigint" }],
      },
      {
        id: 'tbl_posts', schemaId: 'schema_app', name: 'posts',
        columns: [
          { id: 'col_posts_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'by-default', start: '100' } },
          { id: 'col_posts_user', name: 'user_id', type: { kind: 'builtin', name: 'bigint' }, nullable: false },
          { id: 'col_posts_title', name: 'title', type: { kind: 'builtin', name: 'varchar', length: 200 }, nullable: false },
          { id: 'col_posts_tags', name: 'tags', type: { kind: 'builtin', name: 'text', array: true }, nullable: false, default: "'{}'" },
        ],
        primaryKey: { id: 'pk_posts', name: 'posts_pkey', columnIds: ['col_posts_id'] },
        foreignKeys: [{ id: 'fk_posts_user', name: 'posts_user_id_fkey', columnIds: ['col_posts_user'], refTableId: 'tbl_users', refColumnIds: ['col_users_id'], onDelete: 'cascade' }],
        indexes: [
          { id: 'ix_posts_user', name: 'posts_user_id_idx', elements: [{ columnId: 'col_posts_user' }] },
          { id: 'ix_posts_tags', name: 'posts_tags_idx', method: 'gin', elements: [{ columnId: 'col_posts_tags' }] },
        ],
      },
      {
        id: 'tbl_events', schemaId: 'schema_public', name: 'events',
        columns: [
          { id: 'col_events_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false },
          { id: 'col_events_at', name: 'at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: false },
        ],
        primaryKey: { id: 'pk_events', name: 'events_pkey', columnIds: ['col_events_id', 'col_events_at'] },
        partitionBy: { strategy: 'range', keys: [{ columnId: 'col_events_at' }] },
      },
      { id: 'tbl_events_2024', schemaId: 'schema_public', name: 'events_2024', columns: [], partitionOf: { parentId: 'tbl_events', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" } },
      { id: 'tbl_events_default', schemaId: 'schema_public', name: 'events_default', columns: [], partitionOf: { parentId: 'tbl_events', bound: 'DEFAULT' } },
    ],
  } satisfies Model);
}

/** table finds a table of the model by id (for mutations in tests). */
export function table(model: Model, id: string): Model['tables'][number] {
  const t = model.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

export function errors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** expectFinding asserts that validating `model` reports `code` at `path` (and returns that finding). */
export function expectFinding(model: unknown, code: FindingCode, path: string, options: { target?: number; severity?: 'error' | 'warning' } = {}): Finding {
  const findings = validate(model, options.target === undefined ? {} : { target: options.target });
  const match = findings.find((f) => f.code === code && f.path === path);
  expect(match, `expected ${code} at ${path}; got ${JSON.stringify(findings, null, 1)}`).toBeDefined();
  expect(match!.severity).toBe(options.severity ?? 'error');
  return match!;
}

/** expectClean asserts no findings at all. */
export function expectClean(model: unknown, target?: number): void {
  expect(validate(model, target === undefined ? {} : { target })).toEqual([]);
}
