/**
 * `pgcanvas sql MODEL [--target N] [-o FILE]`: validates the model, then prints its full DDL for the
 * target PostgreSQL version (default: the model's settings.targetVersion, else 16).
 * Exit 1 when the model has errors (each printed as `path: message`), 2 on usage or I/O errors.
 */
import { parseArgs } from '../args';
import { CliFailure, EXIT_INVALID, EXIT_OK, UsageError, type Command } from '../command';
import { loadSqlParser } from '@/lib/model';
import { formatFinding, hasErrors, parseModel, validate } from '@/lib/model/validate';
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
    const text = await io.readFile(path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      io.stderr(`${path}: not valid JSON: ${(error as Error).message}\n`);
      return EXIT_INVALID;
    }
    const result = parseModel(json);
    if (!result.ok) {
      for (const f of result.findings) io.stderr(`${formatFinding(f)}\n`);
      return EXIT_INVALID;
    }
    const model = result.model;
    const effectiveTarget = compileTarget(model, target === undefined ? {} : { target });
    await loadSqlParser();
    const findings = validate(model, { target: effectiveTarget });
    if (hasErrors(findings)) {
      for (const f of findings) if (f.severity === 'error') io.stderr(`${formatFinding(f)}\n`);
      return EXIT_INVALID;
    }
    for (const f of findings) io.stderr(`${formatFinding(f)}\n`);
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
