/** COMMANDS lists every `pgcanvas` subcommand; each lives in `commands/<name>.ts`. */
import type { Command } from './command';

export const COMMANDS: readonly Command[] = [
];
