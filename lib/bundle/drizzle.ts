/**
 * drizzleExport is the Drizzle part of the export: the schema of lib/drizzle with the RLS template
 * policies of lib/security declared in it (pgPolicy, .enableRLS(), their roles as existing pgRoles),
 * so a drizzle-kit push keeps them instead of dropping what 04_rls.sql created. The CLI, the app's
 * export and the editor's preview all show this one.
 */
import type { Model } from '@/lib/model';
import { emitDrizzle, type DrizzleFile } from '@/lib/drizzle';
import { rlsTemplatePolicies } from '@/lib/security';

export function drizzleExport(model: Model): { files: DrizzleFile[] } {
  return emitDrizzle(model, { policies: rlsTemplatePolicies(model) });
}
