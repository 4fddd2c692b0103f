/** DDL for roles the generated files rely on. */
import { dollarQuote, quoteIdent, quoteLiteral } from './quote';

/**
 * createRoleIfMissing (one statement, no semicolon) creates a NOLOGIN role unless one of that name exists: roles are cluster-wide,
 * so a script that creates them must be able to run again, on a database that has them already, and
 * beside another session doing the same. A role made here has no rights: grants are the security files'.
 */
export function createRoleIfMissing(name: string): string {
  const body = [
    'BEGIN',
    `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN`,
    `    CREATE ROLE ${quoteIdent(name)} NOLOGIN;`,
    '  END IF;',
    // Two sessions may both find it missing (roles are cluster-wide): the later one is done too.
    'EXCEPTION WHEN duplicate_object OR unique_violation THEN',
    '  NULL;',
    'END',
  ].join('\n');
  return `DO ${dollarQuote(body, 'do')}`;
}
