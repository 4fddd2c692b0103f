/** COMMANDS lists every `pgcanvas` subcommand; each lives in `commands/<name>.ts`. */
import type { Command } from './command';
import { drizzleCommand } from './commands/drizzle';

export const COMMANDS: readonly Command[] = [
  drizzleCommand,
];
