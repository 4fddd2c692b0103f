/**
 * How the problems panel names severities and sums them up in its tab. Advice (`info`) has its own label
 * and count: showing it as a warning would make a clean design look broken and teach users to ignore
 * warnings.
 */
import type { FindingSeverity } from '../workers/protocol';

export const SEVERITY_LABEL: Readonly<Record<FindingSeverity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** One glyph per severity, so the level does not rest on colour alone. */
export const SEVERITY_ICON: Readonly<Record<FindingSeverity, string>> = { error: '\u2716', warning: '\u26A0', info: '\u2139' };

export type SeverityCounts = Record<FindingSeverity, number>;

export function countBySeverity(findings: readonly { readonly severity: FindingSeverity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** problemsTabLabel: `Problems`, `Problems (1 errors, 2 warnings)`, plus `, 3 info` only when there is advice. */
export function problemsTabLabel(findings: readonly { readonly severity: FindingSeverity }[]): string {
  if (findings.length === 0) return 'Problems';
  const c = countBySeverity(findings);
  return `Problems (${c.error} errors, ${c.warning} warnings${c.info ? `, ${c.info} info` : ''})`;
}
