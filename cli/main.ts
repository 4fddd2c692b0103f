/**
 * main runs one `pgcanvas` command and returns its exit code. Errors reach the user as one line
 * naming what went wrong; stack traces are for bugs only and go out only with PGCANVAS_DEBUG=1.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { COMMANDS } from './registry';
import { CliFailure, EXIT_USAGE, UsageError, type CliIo } from './command';

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  writeFile: (path, content) => writeFile(path, content, 'utf8'),
  mkdir: async (path) => { await mkdir(path, { recursive: true }); },
  env: process.env,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return ['usage: pgcanvas <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), '', "Run 'pgcanvas <command> --help' for a command's options.", ''].join('\n');
}

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`pgcanvas: unknown command '${name}'\n\n${help()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pgcanvas ${name}: ${error.message}\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      io.stderr(`pgcanvas ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      const path = (error as NodeJS.ErrnoException).path ?? '';
      io.stderr(`pgcanvas ${name}: cannot access ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'not a directory'}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`pgcanvas ${name}: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env.PGCANVAS_DEBUG === '1') io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
