/**
 * lib/advisor: lint rules over the model, one folder per rule (rules/<id>/rule.ts, rule.test.ts,
 * docs.md), listed once in registry.ts. advise() runs them and returns findings as data.
 */
import type { Model } from '@/lib/model';
import { ruleContext } from './context';
import { RULES } from './registry';
import type { AdviseOptions, AdvisorFinding, Severity } from './types';

export type { AdviseOptions, AdvisorFinding, Fix, FindingTarget, Rule, Severity } from './types';
export { RULES } from './registry';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** advise runs the rules over the model; findings come sorted by severity, then model order. */
export function advise(model: Model, options: AdviseOptions = {}): AdvisorFinding[] {
  const ctx = ruleContext(model, options);
  const unknown = [...(options.only ?? []), ...(options.disable ?? [])].filter((id) => !RULES.some((r) => r.id === id));
  if (unknown.length > 0) throw new Error(`unknown advisor rule(s): ${unknown.join(', ')}`);
  const findings: AdvisorFinding[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (options.only && !options.only.includes(rule.id)) continue;
    if (options.disable?.includes(rule.id)) continue;
    for (const hit of rule.check(ctx)) {
      const id = `${rule.id}:${hit.target.id}${hit.detail ? `:${hit.detail}` : ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push({
        id, ruleId: rule.id, severity: rule.severity, message: hit.message, help: hit.help ?? rule.help, target: hit.target,
        ...(hit.fix ? { fix: hit.fix } : {}),
      });
    }
  }
  return findings.map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || i - j)
    .map(([f]) => f);
}

/** hasErrors says whether any finding is of error severity (the CLI's exit code 1). */
export function hasErrors(findings: readonly AdvisorFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
