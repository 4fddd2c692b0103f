/**
 * parseArgs reads `--flag`, `--key value`, `-o value` and positionals. Flags are declared so that an
 * unknown option is a usage error rather than a silently ignored typo.
 */
import { UsageError } from './command';

export interface ArgSpec {
  /** Options that take a value, with aliases: `{ output: ['-o', '--output'] }`. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Boolean flags: `{ json: ['--json'] }`. */
  readonly flags?: Readonly<Record<string, readonly string[]>>;
  readonly positionals: { readonly min: number; readonly max: number };
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Record<string, string | undefined>;
  readonly flags: Record<string, boolean>;
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const valueOf = new Map<string, string>();
  const flagOf = new Map<string, string>();
  for (const [key, names] of Object.entries(spec.values ?? {})) for (const n of names) valueOf.set(n, key);
  for (const [key, names] of Object.entries(spec.flags ?? {})) { flags[key] = false; for (const n of names) flagOf.set(n, key); }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valueOf.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values[valueOf.get(name)!] = value;
    } else if (flagOf.has(arg)) {
      flags[flagOf.get(arg)!] = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positionals.push(arg);
    }
  }
  if (positionals.length < spec.positionals.min) throw new UsageError('missing argument');
  if (positionals.length > spec.positionals.max) throw new UsageError(`unexpected argument ${positionals[spec.positionals.max]}`);
  return { positionals, values, flags };
}
