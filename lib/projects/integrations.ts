/**
 * The pure modules the project routes use for export and import (lib/compile, lib/bundle's
 * Drizzle export, lib/security, lib/import), with their failures turned into API errors: a feature the target version lacks is a
 * 422 naming it, SQL the importer cannot read is a 422 with the line and column.
 */
import { AppError } from '@/lib/auth';
import type { Model } from '@/lib/model';
import { compileSql, UnsupportedFeatureError } from '@/lib/compile';
import { drizzleExport } from '@/lib/bundle/drizzle';
import { importSqlAsync } from '@/lib/import';
import { securityBundle } from '@/lib/security';

export interface ExportFile {
  path: string;
  content: string;
}

export function compileModelSql(model: Model, target: number): string {
  try {
    return compileSql(model, { target });
  } catch (error) {
    if (error instanceof UnsupportedFeatureError) {
      throw new AppError(422, 'validation_failed', error.message, { findings: [{ code: 'unsupported-feature', severity: 'error', message: error.message, path: error.where }] });
    }
    throw error;
  }
}

export function emitModelDrizzle(model: Model): ExportFile[] {
  return drizzleExport(model).files.map((f) => ({ path: f.path, content: f.content }));
}

/** SecurityExportFile is one file of the security export, with what the preview shows beside it. */
export interface SecurityExportFile extends ExportFile {
  explanation: string;
  warnings: string[];
}

/**
 * emitModelSecurity is the security bundle of a stored model: the numbered SQL files in apply order,
 * then password.ts when a column is a password hash. A stored model has passed validation, so the
 * generator's own checks (bcrypt cost, role prefix) cannot fail here; if one ever does, it is a 422
 * naming the setting rather than a 500.
 */
export function emitModelSecurity(model: Model): SecurityExportFile[] {
  try {
    return securityBundle(model).map((f) => ({ path: f.name, content: f.content, explanation: f.explanation, warnings: [...f.warnings] }));
  } catch (error) {
    const message = `The security files could not be generated: ${(error as Error).message}.`;
    throw new AppError(422, 'validation_failed', message, { findings: [{ code: 'security-settings', severity: 'error', message, path: 'security' }] });
  }
}

export async function importModelSql(sql: string): Promise<{ model: Model; report: unknown }> {
  const result = await importSqlAsync(sql);
  if (!result.ok) {
    const where = result.error.line !== undefined ? ` (line ${result.error.line}${result.error.column !== undefined ? `, column ${result.error.column}` : ''})` : '';
    throw new AppError(422, 'validation_failed', `The SQL could not be imported${where}: ${result.error.message}`, {
      findings: [{ code: 'sql-import', severity: 'error', message: result.error.message, path: where.trim() || '(sql)' }],
    });
  }
  return { model: result.model, report: result.report };
}
