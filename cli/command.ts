/**
 * A CLI command: its name, a one-line summary, its usage text, and `run`, which returns the exit code.
 * Exit codes are public: 0 success, 1 the input has problems (invalid model, unparseable SQL, error
 * findings), 2 usage, I/O or connection errors.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly writeFile: (path: string, content: string) => Promise<void>;
  readonly mkdir: (path: string) => Promise<void>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** UsageError is thrown by argument parsing; main prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

/** CliFailure carries a user-facing message and an exit code; main prints the message, never a stack. */
export class CliFailure extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
  }
}
