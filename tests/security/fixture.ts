/**
 * The hand-written security fixture: a model using every security mark and template, and its table
 * DDL written by hand (so these proofs do not depend on the compiler).
 */
import type { Model } from '@/lib/model';
import { col, columnId, model } from '@/lib/advisor/testing/model-builder';

export function securityFixture(): Model {
  const m = model([
    {
      name: 'users',
      columns: [
        col('id', 'uuid', { nullable: false }),
        col('email', 'text', { nullable: false, security: { personalData: true } }),
        col('password_hash', 'text', { nullable: false, security: { passwordHash: { algorithm: 'bcrypt', inDatabase: true } } }),
        col('ssn', 'bytea', { security: { encrypted: true, personalData: true } }),
        col('api_token', 'text', { security: { secret: true } }),
        col('created_at', 'timestamptz', { nullable: false, default: 'now()' }),
        col('updated_at', 'timestamptz', { nullable: false, default: 'now()' }),
      ],
      pk: ['id'],
      rest: { security: { audit: true } },
    },
    {
      name: 'app_logins',
      columns: [
        col('id', 'bigint', { nullable: false }),
        col('password_hash', 'text', { nullable: false, security: { passwordHash: { algorithm: 'argon2id' } } }),
        col('legacy_hash', 'text', { security: { passwordHash: { algorithm: 'scrypt' } } }),
      ],
      pk: ['id'],
    },
    {
      name: 'documents',
      columns: [
        col('id', 'bigint', { nullable: false, identity: { generation: 'always' } }),
        col('owner_id', 'uuid', { nullable: false }),
        col('title', 'text', { nullable: false }),
      ],
      pk: ['id'],
      fks: [{ name: 'documents_owner_fk', columns: ['owner_id'], ref: 'users', refColumns: ['id'] }],
      rest: { security: { audit: true } },
    },
    {
      name: 'projects',
      columns: [col('id', 'bigint', { nullable: false }), col('tenant_id', 'integer', { nullable: false }), col('name', 'text', { nullable: false })],
      pk: ['id'],
      indexes: [{ name: 'projects_tenant_idx', columns: ['tenant_id', 'name'] }],
    },
    {
      name: 'posts',
      columns: [col('id', 'bigint', { nullable: false }), col('author_id', 'uuid', { nullable: false }), col('body', 'text', { nullable: false })],
      pk: ['id'],
    },
  ]);
  const t = (name: string) => m.tables.find((x) => x.name === name)!;
  t('documents').security = { audit: true, rls: { template: 'owner-only', ownerColumnId: columnId('documents', 'owner_id') } };
  t('projects').security = { rls: { template: 'tenant', tenantColumnId: columnId('projects', 'tenant_id') } };
  t('posts').security = { rls: { template: 'public-read-owner-write', ownerColumnId: columnId('posts', 'author_id'), adminBypass: true } };
  return m;
}

export const FIXTURE_DDL = `
CREATE TABLE public.users (
  id uuid NOT NULL, email text NOT NULL, password_hash text NOT NULL, ssn bytea, api_token text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id));
CREATE TABLE public.app_logins (id bigint NOT NULL, password_hash text NOT NULL, legacy_hash text, CONSTRAINT app_logins_pkey PRIMARY KEY (id));
CREATE TABLE public.documents (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL, owner_id uuid NOT NULL, title text NOT NULL,
  CONSTRAINT documents_pkey PRIMARY KEY (id),
  CONSTRAINT documents_owner_fk FOREIGN KEY (owner_id) REFERENCES public.users (id));
CREATE TABLE public.projects (id bigint NOT NULL, tenant_id integer NOT NULL, name text NOT NULL, CONSTRAINT projects_pkey PRIMARY KEY (id));
CREATE INDEX projects_tenant_idx ON public.projects (tenant_id, name);
CREATE TABLE public.posts (id bigint NOT NULL, author_id uuid NOT NULL, body text NOT NULL, CONSTRAINT posts_pkey PRIMARY KEY (id));
`;
