import { expect } from 'vitest';
import { testRule } from '../../testing/rule-fixtures';
import { model } from '../../testing/model-builder';
import { securityDefinerSearchPath } from './rule';

const fn = (...sql: string[]) => model([], { sqlObjects: sql.map((s, i) => ({ id: `obj_${i}`, kind: 'function', name: 'f', phase: 'pre-tables' as const, sql: s })) });
const body = "RETURNS integer LANGUAGE sql AS 'SELECT count(*)::integer FROM public.users'";

testRule(securityDefinerSearchPath, {
  pass: [
    fn(`CREATE FUNCTION f() ${body} SECURITY DEFINER SET search_path = pg_catalog, pg_temp;`),
    fn(`CREATE FUNCTION f() ${body} SECURITY DEFINER SET search_path = '';`),
    fn(`CREATE FUNCTION f() ${body};`),
    fn(`CREATE FUNCTION f() ${body} SECURITY INVOKER;`),
    // Pinned by a later ALTER FUNCTION, in the same object or another one.
    fn(`CREATE FUNCTION app.f() ${body} SECURITY DEFINER;`, 'ALTER FUNCTION app.f() SET search_path = app, pg_temp;'),
  ],
  fail: [
    fn(`CREATE FUNCTION f() ${body} SECURITY DEFINER;`),
    fn(`CREATE FUNCTION f() ${body} SECURITY DEFINER SET search_path = public;`),
    fn(`CREATE OR REPLACE PROCEDURE p() LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS 'SELECT 1';`),
    // An ALTER of another function, or one that sets a path without pg_temp last, does not pin this one.
    fn(`CREATE FUNCTION f() ${body} SECURITY DEFINER;`, 'ALTER FUNCTION g() SET search_path = pg_catalog, pg_temp;', 'ALTER FUNCTION f() SET search_path = pg_temp, public;'),
  ],
  expectFindings: (findings, fixture) => {
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(fixture === 1 || fixture === 2 ? /does not end with pg_temp/ : /does not set search_path/);
  },
});
