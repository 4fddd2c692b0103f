/**
 * createdObjects (lib/security/sql-heads.ts) against the real PostgreSQL parser: for hand-written SQL with
 * comments, literals, dollar quotes and quoted names that look like statements, for the compiled DDL and
 * the security files of every example, the hostile-name model and random marked models, the objects the
 * lexer reads from statement heads equal those the parser's tree says each statement creates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { loadSqlParser, parseSql, type Model } from '@/lib/model';
import { parseModel } from '@/lib/model/validate';
import { securityFiles } from '@/lib/security';
import { createdObjects, type CreatedObject, type QualifiedName } from '@/lib/security/sql-heads';
import { securityFixture } from './fixture';
import { arbSecuredModel } from './arbitrary';

type Node = Record<string, any>;
const str = (n: Node) => n.String.sval as string;
const qualifiedList = (list: Node[]): QualifiedName => {
  const parts = list.map(str);
  return parts.length === 1 ? { name: parts[0]! } : { schema: parts[parts.length - 2]!, name: parts[parts.length - 1]! };
};
const rangeVar = (r: Node): QualifiedName => (r.schemaname ? { schema: r.schemaname, name: r.relname } : { name: r.relname });

/** invoker reads security_invoker from a view's parsed options as PostgreSQL's defGetBoolean would. */
function invoker(options: Node[] | undefined): boolean {
  const def = (options ?? []).map((o) => o.DefElem).find((d) => d.defname === 'security_invoker');
  if (!def) return false;
  const arg = def.arg;
  if (!arg) return true;
  if (arg.Integer) return (arg.Integer.ival ?? 0) === 1;
  if (arg.Boolean) return Boolean(arg.Boolean.boolval);
  if (arg.String) return ['true', 'on', 'yes', '1'].includes(String(arg.String.sval).toLowerCase());
  if (arg.TypeName) return ['true', 'on', 'yes'].includes(arg.TypeName.names.map(str).join('.').toLowerCase());
  throw new Error(`unexpected security_invoker value ${JSON.stringify(arg)}`);
}

/** parserObjects is the oracle: what each top-level statement creates, read from the parse tree. */
function parserObjects(sql: string): CreatedObject[] {
  const parsed = parseSql(sql);
  if (!parsed.ok) throw new Error(`does not parse: ${parsed.message}\n${sql}`);
  const out: CreatedObject[] = [];
  for (const { stmt } of parsed.stmts as { stmt: Node }[]) {
    const [type, n] = Object.entries(stmt)[0] as [string, Node];
    switch (type) {
      case 'CreateFunctionStmt': out.push({ kind: 'function', ...qualifiedList(n.funcname) }); break;
      case 'CreateTrigStmt': out.push({ kind: 'trigger', name: n.trigname, table: rangeVar(n.relation) }); break;
      case 'CreatePolicyStmt': out.push({ kind: 'policy', name: n.policy_name, table: rangeVar(n.table) }); break;
      case 'IndexStmt': if (n.idxname) out.push({ kind: 'relation', relkind: 'index', name: n.idxname, ...(n.relation.schemaname ? { schema: n.relation.schemaname } : {}) }); break;
      case 'CreateStmt': out.push({ kind: 'relation', relkind: 'table', ...rangeVar(n.relation) }); break;
      case 'ViewStmt': out.push({ kind: 'relation', relkind: 'view', ...rangeVar(n.view), ...(invoker(n.options) ? { securityInvoker: true } : {}) }); break;
      case 'CreateTableAsStmt': out.push({ kind: 'relation', relkind: n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', ...rangeVar(n.into.rel) }); break;
      case 'CreateSeqStmt': out.push({ kind: 'relation', relkind: 'sequence', ...rangeVar(n.sequence) }); break;
      case 'CreateSchemaStmt': out.push({ kind: 'schema', name: n.schemaname ?? n.authrole.rolename ?? n.authrole.RoleSpec.rolename }); break;
      case 'CreateRoleStmt': out.push({ kind: 'role', name: n.role }); break;
      case 'AlterTableStmt':
        if (n.objtype === 'OBJECT_TABLE') {
          for (const c of n.cmds ?? []) {
            const cmd = c.AlterTableCmd;
            if (cmd.subtype === 'AT_AddConstraint' && cmd.def.Constraint.conname) out.push({ kind: 'constraint', name: cmd.def.Constraint.conname, table: rangeVar(n.relation) });
          }
        }
        break;
      default: break;
    }
  }
  return out;
}

const HAND_WRITTEN = [
  `CREATE VIEW v1 WITH (security_invoker) AS SELECT 1;
   CREATE VIEW public.v2 (a) WITH (security_barrier = true, security_invoker = on) AS SELECT 1;
   CREATE OR REPLACE VIEW "V3" WITH (security_invoker = 'true') AS SELECT 1;
   CREATE VIEW v4 WITH (security_invoker = false) AS SELECT 1;
   CREATE VIEW v5 WITH (security_invoker = 1) AS SELECT 1;
   CREATE VIEW v6 WITH (security_invoker = 0, check_option = local) AS SELECT 1;
   CREATE VIEW v7 WITH (check_option = 'cascaded', security_invoker = TRUE) AS SELECT 1;
   CREATE VIEW v8 AS SELECT 'WITH (security_invoker)' AS x;`,
  `-- CREATE FUNCTION commented_out() RETURNS int
   /* CREATE TABLE nope (id int); /* nested */ CREATE VIEW still_comment AS SELECT 1; */
   CREATE OR REPLACE FUNCTION Set_Updated_At() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE inside(); RETURN NEW; END $$;`,
  `CREATE FUNCTION "Audit"."record_change"(a text DEFAULT 'x; CREATE ROLE y', b text DEFAULT E'it\\'s; CREATE ROLE z') RETURNS text
     LANGUAGE sql AS $fn$ SELECT 'CREATE FUNCTION q()' $fn$;`,
  `CREATE FUNCTION public.hash_password(p text) RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT p; END;
   CREATE PROCEDURE s.verify_password() LANGUAGE sql AS 'SELECT 1';`,
  `CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OF "on", name ON public.users FOR EACH ROW EXECUTE FUNCTION f();
   CREATE CONSTRAINT TRIGGER "weird ""trig""" AFTER DELETE ON "my schema"."My Table" DEFERRABLE FOR EACH ROW EXECUTE FUNCTION f();`,
  `CREATE POLICY documents_owner_select ON documents USING (true);
   CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS documents_owner_id_rls_idx ON ONLY public.documents (owner_id);
   CREATE INDEX ON t (a);
   CREATE INDEX "Idx" ON s.t USING gin (b);`,
  `CREATE MATERIALIZED VIEW audit.audit_log AS SELECT 1 AS x;
   CREATE OR REPLACE RECURSIVE VIEW v(n) AS SELECT 1 UNION ALL SELECT n + 1 FROM v WHERE n < 3;
   CREATE TEMP VIEW tv AS SELECT $x$;$x$ AS semi;
   CREATE UNLOGGED TABLE IF NOT EXISTS "audit"."Log" (id int, "check" text CHECK ("check" <> ';'));
   CREATE TABLE copy AS SELECT 1;
   CREATE SEQUENCE IF NOT EXISTS public.seq_a;`,
  `CREATE SCHEMA IF NOT EXISTS audit; CREATE SCHEMA AUTHORIZATION app_owner; CREATE ROLE app_rw NOLOGIN; CREATE USER "App_Ro";
   CREATE GROUP grp; CREATE USER MAPPING FOR app_rw SERVER s; CREATE DOMAIN d AS int; CREATE TYPE ty AS (a int);`,
  `ALTER TABLE ONLY public.users ADD CONSTRAINT users_password_hash_hash_format CHECK (password_hash <> ''),
     ADD COLUMN x int, ADD CONSTRAINT "second" UNIQUE (x);
   ALTER TABLE IF EXISTS users ADD CHECK (true);
   ALTER TABLE users DROP CONSTRAINT IF EXISTS users_pkey;
   GRANT SELECT ON users TO app_ro; COMMENT ON FUNCTION f() IS 'CREATE FUNCTION g()';
   SELECT U&'d\\0061t\\+000061' AS "CREATE", $1;`,
];

const examples: Model[] = readdirSync(join(__dirname, '../../examples')).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const parsed = parseModel(JSON.parse(readFileSync(join(__dirname, '../../examples', f), 'utf8')));
  if (!parsed.ok) throw new Error(`${f} is not a valid model`);
  return parsed.model;
});

describe('createdObjects agrees with the PostgreSQL parser', () => {
  beforeAll(async () => { await loadSqlParser(); });

  it.each(HAND_WRITTEN.map((sql, i) => [i, sql] as const))('hand-written SQL %i', (_i, sql) => {
    const oracle = parserObjects(sql);
    expect(oracle.length).toBeGreaterThan(0);
    expect(createdObjects(sql)).toEqual(oracle);
  });

  it('reads security_invoker on views as PostgreSQL does', () => {
    const views = createdObjects(HAND_WRITTEN[0]!).map((o) => `${o.name}${o.securityInvoker ? ' invoker' : ''}`);
    expect(views).toEqual(['v1 invoker', 'v2 invoker', 'V3 invoker', 'v4', 'v5 invoker', 'v6', 'v7 invoker', 'v8']);
  });

  it('the compiled DDL and security files of every example and of the security fixture', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const m of [...examples, securityFixture()]) {
      for (const sql of [compileSql(m), ...securityFiles(m).map((f) => f.sql)]) expect(createdObjects(sql)).toEqual(parserObjects(sql));
    }
  });

  it('random models with random security marks (hostile names in generated names)', () => {
    fc.assert(fc.property(arbSecuredModel({ target: 15 }), (m) => {
      for (const sql of [compileSql(m, { target: 15 }), ...securityFiles(m).map((f) => f.sql)]) expect(createdObjects(sql)).toEqual(parserObjects(sql));
    }), { numRuns: 60 });
  });
});
