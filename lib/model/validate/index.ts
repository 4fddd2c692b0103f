/**
 * validate(model, { target }) returns findings as data and never throws, whatever JSON value it is
 * given: shape problems first (then nothing else runs), otherwise every rule family in RULES.
 * SQL fragments are checked with the real parser, which must be loaded first (`loadSqlParser()`, or
 * use `validateAsync`); without it validation reports `parser-not-loaded` as an error.
 */
import { loadSqlParser, sqlParserReady } from '../expression';
import type { Model } from '../schema';
import { createContext, type Rule, type RuleContext } from './context';
import { columnAndSequenceRules } from './columns';
import { expressionRules } from './expressions';
import type { Finding } from './finding';
import { foreignKeyRulesAll } from './foreign-keys';
import { indexRulesAll } from './indexes';
import { keyRules } from './keys';
import { commentRules, sqlObjectRules } from './misc';
import { nameRules } from './names';
import { partitionRules } from './partitions';
import { idRules, referenceRules } from './references';
import { rlsRules } from './rls';
import { textRules, textRulesSkipping } from './text';
import { parseModel } from './shape';
import { typeRules } from './types';

export { parseModel, jsonPath, sameJson, type ParseOptions, type ParseResult } from './shape';
export { FINDING_CODES, formatFinding, hasErrors, type Finding, type FindingCode, type Severity } from './finding';
export { MAX_NAME_BYTES, nameBytes } from './names';

/** DEFAULT_TARGET is the PostgreSQL major version assumed when neither options nor the model say. */
export const DEFAULT_TARGET = 16;
export const MIN_TARGET = 13;
export const MAX_TARGET = 18;

export interface ValidateOptions {
  /** PostgreSQL major version (13-18); default: the model's settings.targetVersion, else 16. */
  readonly target?: number;
}

/** RULES are the rule families in the order they run; each is one file of this folder. */
export const RULES: readonly { readonly name: string; readonly run: Rule }[] = [
  { name: 'ids', run: idRules },
  { name: 'references', run: referenceRules },
  { name: 'names', run: nameRules },
  { name: 'types', run: typeRules },
  { name: 'columns', run: columnAndSequenceRules },
  { name: 'keys', run: keyRules },
  { name: 'foreign-keys', run: foreignKeyRulesAll },
  { name: 'indexes', run: indexRulesAll },
  { name: 'expressions', run: expressionRules },
  { name: 'partitions', run: partitionRules },
  { name: 'rls', run: rlsRules },
  { name: 'comments', run: commentRules },
  { name: 'sql-objects', run: sqlObjectRules },
  { name: 'text', run: textRules },
];

function internalError(where: string, error: unknown): Finding {
  return { code: 'internal-error', severity: 'error', message: `validation failed inside ${where}: ${error instanceof Error ? error.message : String(error)} (a pgcanvas bug; please report it)`, path: '' };
}

/** validate checks a model (any JSON value, or JSON text) and returns every finding. */
export function validate(model: unknown, options: ValidateOptions = {}): Finding[] {
  try {
    const parsed = parseModel(model);
    if (!parsed.ok) return parsed.findings;
    return validateParsed(parsed.model, options);
  } catch (error) {
    return [internalError('validate', error)];
  }
}

/**
 * validateParsed is validate for a model parseModel has just accepted (its `model`, unchanged): the
 * same findings without checking the shape a second time.
 */
export function validateParsed(model: Model, options: ValidateOptions = {}): Finding[] {
  return runRules(model, options, RULES);
}

function runRules(model: Model, options: ValidateOptions, rules: readonly { readonly name: string; readonly run: Rule }[]): Finding[] {
  try {
    const findings: Finding[] = [];
    const target = options.target ?? model.settings?.targetVersion ?? DEFAULT_TARGET;
    if (!Number.isInteger(target) || target < MIN_TARGET || target > MAX_TARGET) {
      return [{ code: 'target-unsupported', severity: 'error', message: `target PostgreSQL ${String(target)} is not supported; use ${MIN_TARGET} to ${MAX_TARGET}`, path: options.target !== undefined ? '' : 'settings.targetVersion' }];
    }
    if (!sqlParserReady()) {
      findings.push({ code: 'parser-not-loaded', severity: 'error', message: 'SQL expressions were not checked: the SQL parser is not loaded (await loadSqlParser() first, or use validateAsync)', path: '' });
    }
    const ctx = createContext(model, target, findings);
    for (const rule of rules) {
      try {
        rule.run(ctx);
      } catch (error) {
        findings.push(internalError(`the ${rule.name} rules`, error));
      }
    }
    return findings;
  } catch (error) {
    return [internalError('validate', error)];
  }
}

/**
 * validateParsedSince is validateParsed for a model made from `base` by changing some of its parts
 * (a delta save), where `base` is a model validateParsed found no errors in: the tables `model` shares
 * with `base` (the same objects, as parseModel's `reuse` returns them) are not walked by the text rule,
 * which cannot find anything in them (see textRulesSkipping). Every other rule runs on the whole model.
 * The findings equal validateParsed(model, options) (property test in text.test.ts).
 */
export function validateParsedSince(model: Model, base: Model, options: ValidateOptions = {}): Finding[] {
  const shared = new Set<object>(base.tables);
  const rules = RULES.map((r) => r.run === textRules ? { name: r.name, run: (ctx: RuleContext) => textRulesSkipping(ctx, shared) } : r);
  return runRules(model, options, rules);
}

/** validateAsync loads the SQL parser (once) and validates. */
export async function validateAsync(model: unknown, options: ValidateOptions = {}): Promise<Finding[]> {
  await loadSqlParser();
  return validate(model, options);
}
