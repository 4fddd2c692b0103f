/**
 * checkModel is the single gate every model passes before it is stored (create, upload, autosave,
 * restore): the shape (zod) and then the model's own validator. Errors refuse the model with the list
 * of findings; warnings are stored with it.
 */
import { ModelSchema, type Model } from '@/lib/model';

export interface ModelFinding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path: string;
  id?: string;
}

export type ModelCheck = { ok: true; model: Model; warnings: ModelFinding[] } | { ok: false; findings: ModelFinding[] };

function zodPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';
}

export function checkModel(json: unknown): ModelCheck {
  const parsed = ModelSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.slice(0, 200).map((issue) => ({ code: `shape-${issue.code}`, severity: 'error', message: issue.message, path: zodPath(issue.path) })),
    };
  }
  return { ok: true, model: parsed.data, warnings: [] };
}
