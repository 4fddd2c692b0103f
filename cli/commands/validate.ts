/**
 * `pgcanvas validate MODEL [--json] [--target N]`: checks a model file (or - for stdin) and prints
 * every finding as `path: message`. Exit 0 when there are no errors (warnings are printed), 1 when
 * there are errors, 2 on usage or I/O problems, including a file that is not JSON at all.
 */
import { parseArgs } from '../args';
import { CliFailure, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../command';
import { loadSqlParser } from '@/lib/model/expression';
import { MAX_TARGET, MIN_TARGET, formatFinding, hasErrors, parseModel, validate, type Finding } from '@/lib/model/validate';

const usage = `usage: pgcanvas validate MODEL [--json] [--target N]

Check a model (a JSON file, or - for stdin) and print its problems as "path: message".
  --target N   PostgreSQL major version ${MIN_TARGET}..${MAX_TARGET} (default: the model's settings.targetVersion, else 16)
  --json       print the findings as a JSON array of { code, severity, message, path, id }
Exit status: 0 no errors (warnings may be printed), 1 the model has errors, 2 usage or I/O error.`;

function parseTarget(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < MIN_TARGET || Number(text) > MAX_TARGET) {
    throw new UsageError(`--target must be a PostgreSQL major version from ${MIN_TARGET} to ${MAX_TARGET}, got '${text}'`);
  }
  return Number(text);
}

function summary(path: string, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return errors > 0 ? `${path}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : `${path}: valid${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a model and print its problems as path: message',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { target: ['--target'] }, flags: { json: ['--json'] }, positionals: { min: 1, max: 1 } });
    const target = parseTarget(parsed.values.target);
    const path = parsed.positionals[0]!;
    const name = path === '-' ? '<stdin>' : path;
    const text = await io.readFile(path);
    const json = parsed.flags.json;

    const shape = parseModel(text);
    if (!shape.ok && shape.findings.some((f) => f.code === 'invalid-json')) {
      if (json) io.stdout(`${JSON.stringify(shape.findings, null, 2)}\n`);
      throw new CliFailure(`${name}: ${shape.findings[0]!.message}`, EXIT_USAGE);
    }
    await loadSqlParser();
    const findings = shape.ok ? validate(shape.model, target === undefined ? {} : { target }) : shape.findings;
    if (json) {
      io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    } else {
      for (const f of findings) io.stdout(`${formatFinding(f)}\n`);
      io.stderr(`${summary(name, findings)}\n`);
    }
    return hasErrors(findings) ? EXIT_INVALID : EXIT_OK;
  },
};
