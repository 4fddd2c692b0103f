/**
 * `pgcanvas sql MODEL [--target N] [-o FILE]`: validates the model, then prints its full DDL for the
 * target PostgreSQL version (default: the model's settings.targetVersion, else 16).
 * Exit 1 when the model has errors (each printed as `path: message`), 2 on usage or I/O errors.
 */
import { parseArgs } from '../args';
import { CliFailure, EXIT_INVALID, EXIT_OK, UsageError, type Command } from '../command';
import { readValidModel } from '../model-input';
import { compileSql, compileTarget } from '@/lib/compile';
import { MAX_TARGET, MIN_TARGET, UnsupportedFeatureError } from '@/lib/sql';

const usage = `usage: pgcanvas sql MODEL [--target N] [-o FILE]

Print the DDL of a model (a JSON file, or - for stdin).
  --target N     PostgreSQL major version ${MIN_TARGET}..${MAX_TARGET} (default: the model's, else 16)
  -o, --output   write to FILE instead of stdout`;

function parseTarget(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < MIN_TARGET || n > MAX_TARGET) throw new UsageError(`--target must be a PostgreSQL major version from ${MIN_TARGET} to ${MAX_TARGET}, got '${text}'`);
  return n;
}

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'print the DDL of a model for a PostgreSQL version',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { target: ['--target'], output: ['-o', '--output'] }, positionals: { min: 1, max: 1 } });
    const target = parseTarget(parsed.values.target);
    const path = parsed.positionals[0]!;
    const model = await readValidModel(path, io, {
      printWarnings: true,
      targetFor: (m) => compileTarget(m, target === undefined ? {} : { target }),
    });
    if (!model) return EXIT_INVALID;
    const effectiveTarget = compileTarget(model, target === undefined ? {} : { target });
    let sql: string;
    try {
      sql = compileSql(model, { target: effectiveTarget });
    } catch (error) {
      if (error instanceof UnsupportedFeatureError) throw new CliFailure(error.message, EXIT_INVALID);
      throw error;
    }
    if (parsed.values.output !== undefined) await io.writeFile(parsed.values.output, sql);
    else io.stdout(sql);
    return EXIT_OK;
  },
};
