/** DDL for roles the generated files rely on. */
import { dollarQuote, quoteIdent, quoteLiteral } from './quote';

/**
 * createRoleIfMissing creates a NOLOGIN role unless one of that name exists: roles are cluster-wide,
 * so a file that creates them must be able to run again, and on a database that has them already.
 */
export function createRoleIfMissing(name: string): string {
  const body = [
    'BEGIN',
    `  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN`,
    `    CREATE ROLE ${quoteIdent(name)} NOLOGIN;`,
    '  END IF;',
    'END',
  ].join('\n');
  return `DO ${dollarQuote(body, 'do')};`;
}
