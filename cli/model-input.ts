/**
 * readValidModel reads a model file (or - for stdin) for the commands that generate from it: invalid
 * JSON, shape problems and validation errors are printed as `path: message` lines on stderr and the
 * caller exits 1. Warnings are printed too when asked, without stopping the command.
 */
import type { CliIo } from './command';
import { loadSqlParser, type Model } from '@/lib/model';
import { formatFinding, hasErrors, parseModel, validate } from '@/lib/model/validate';

export interface ReadModelOptions {
  /** The PostgreSQL version to validate for, chosen once the model is known (e.g. its own setting). */
  readonly targetFor?: (model: Model) => number | undefined;
  readonly printWarnings?: boolean;
}

export async function readValidModel(path: string, io: CliIo, options: ReadModelOptions = {}): Promise<Model | undefined> {
  const text = await io.readFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`${path}: not valid JSON: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = parseModel(json);
  if (!result.ok) {
    for (const f of result.findings) io.stderr(`${formatFinding(f)}\n`);
    return undefined;
  }
  await loadSqlParser();
  const target = options.targetFor?.(result.model);
  const findings = validate(result.model, target === undefined ? {} : { target });
  if (hasErrors(findings)) {
    for (const f of findings) if (f.severity === 'error') io.stderr(`${formatFinding(f)}\n`);
    return undefined;
  }
  if (options.printWarnings) for (const f of findings) io.stderr(`${formatFinding(f)}\n`);
  return result.model;
}
