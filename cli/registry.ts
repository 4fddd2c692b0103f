/** COMMANDS lists every `pgcanvas` subcommand; each lives in `commands/<name>.ts`. */
import type { Command } from './command';
import { drizzleCommand } from './commands/drizzle';
import { importSqlCommand } from './commands/import-sql';
import { pullCommand } from './commands/pull';
import { validateCommand } from './commands/validate';
import { sqlCommand } from './commands/sql';
import { securityCommand } from './commands/security';
import { lintCommand } from './commands/lint';

export const COMMANDS: readonly Command[] = [
  drizzleCommand,
  importSqlCommand,
  pullCommand,
  validateCommand,
  sqlCommand,
  securityCommand,
  lintCommand,
];
