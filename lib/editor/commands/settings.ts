/**
 * Project-wide settings commands. setProjectSecurity merges a patch into `model.security`; a key set to
 * undefined (a cleared field) is removed, and an empty object removes `security`, so a model edited back
 * to its defaults saves exactly like one that never had settings. Values are not checked here: the
 * validator reports bad ones beside their field, as for every other typed value.
 */
import type { Model, ProjectSecurity } from '@/lib/model';
import { done, type CommandResult } from './result';

export type ProjectSecurityPatch = { [K in keyof ProjectSecurity]?: ProjectSecurity[K] | undefined };

export function setProjectSecurity(model: Model, args: { patch: ProjectSecurityPatch }): CommandResult {
  const security: Record<string, unknown> = { ...(model.security ?? {}) };
  for (const [key, value] of Object.entries(args.patch)) {
    if (value === undefined) delete security[key]; else security[key] = value;
  }
  const next = { ...model, security: security as ProjectSecurity };
  if (Object.keys(security).length === 0) delete (next as Partial<Model>).security;
  return done(next);
}
