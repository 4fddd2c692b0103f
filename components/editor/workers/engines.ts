/**
 * The generators and checks the previews use, wired to the modules other parts of pgcanvas provide.
 * Set one to `undefined` and its tab or panel says "not available" instead of showing something made up.
 */
import type { Model } from '@/lib/model';
import { drizzleExport } from '@/lib/bundle/drizzle';
import { securityBundle } from '@/lib/security';
import { validate } from '@/lib/model/validate';
import { loadSqlParser, sqlParserReady } from '@/lib/model/expression';
import { advise } from '@/lib/advisor';
import type { FindingLike } from './protocol';

export const drizzleEngine: ((m: Model) => { files: { path: string; content: string }[] }) | undefined = drizzleExport;
export const securityEngine: ((m: Model) => { name: string; content: string; explanation?: string; warnings?: readonly string[] }[]) | undefined = securityBundle;

let parserTried: Promise<void> | undefined;

/**
 * Validation with the real parser when its WASM loads in this worker; if it cannot (an old browser, the
 * file missing), every other rule still runs and one warning says expressions are checked on save
 * (the server validates the whole model on every PUT).
 */
export const validateEngine: ((m: Model, target?: number) => Promise<Omit<FindingLike, 'source'>[]>) | undefined = async (m, target) => {
  parserTried ??= Promise.race([loadSqlParser(), new Promise<void>((resolve) => setTimeout(resolve, 8000))]).catch(() => undefined);
  await parserTried;
  const findings = validate(m, { target });
  if (sqlParserReady()) return findings;
  return [
    ...findings.filter((f) => f.code !== 'parser-not-loaded'),
    { code: 'parser-not-loaded', severity: 'warning', message: 'SQL expressions (defaults, checks, policies) could not be checked in the browser; the server checks them when saving', path: '' },
  ];
};

/** Advisor findings as problems, with the rule's own severity (error, warning or info); the rule id is the code. */
export const adviseEngine: ((m: Model) => Omit<FindingLike, 'source'>[]) | undefined = (m) => advise(m).map((f) => ({
  code: f.ruleId, severity: f.severity, message: `${f.message}${f.help ? ` — ${f.help}` : ''}`, path: f.target.path, id: f.target.id,
  findingId: f.id, fixTitle: f.fix?.title,
}));

/** applyAdvisorFix runs the fix of one advisor finding on the worker's copy of the model. */
export function applyAdvisorFix(m: Model, findingId: string): Model | undefined {
  return advise(m).find((f) => f.id === findingId)?.fix?.apply(m);
}
