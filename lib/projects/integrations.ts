/**
 * The pure modules the project routes use for export and import, behind one seam so the routes do not
 * care which of them exist yet. See docs/api.md for what each export returns.
 */
import { AppError } from '@/lib/auth';
import type { Model } from '@/lib/model';

export interface ExportFile {
  path: string;
  content: string;
}

export function compileModelSql(_model: Model, _target: number): string {
  throw new AppError(501, 'not_available', 'SQL export is not available in this build yet.');
}

export function emitModelDrizzle(_model: Model): ExportFile[] {
  throw new AppError(501, 'not_available', 'Drizzle export is not available in this build yet.');
}

export function importModelSql(_sql: string): { model: unknown; report: unknown } {
  throw new AppError(501, 'not_available', 'Creating a project from SQL is not available in this build yet.');
}
