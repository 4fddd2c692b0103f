/**
 * Hazard codes are stable (tools and tests match on them) and grouped in families:
 * - destructive: data is lost when the step runs;
 * - might-fail: the step can fail on existing data (or takes a long lock while it checks it);
 * - locking: the step blocks writes while it runs on a populated table;
 * - incompatible: running applications that use the old name or shape break;
 * - drift: the database will not match the model exactly;
 * - manual: a person has to write or review this step.
 */
export const HAZARDS = {
  'drop-schema': { family: 'destructive' },
  'drop-table': { family: 'destructive' },
  'drop-column': { family: 'destructive' },
  'drop-enum': { family: 'destructive' },
  'drop-sequence': { family: 'destructive' },
  'drop-extension': { family: 'destructive' },
  'recreate-column': { family: 'destructive' },
  'set-not-null': { family: 'might-fail' },
  'add-not-null-column': { family: 'might-fail' },
  'change-column-type': { family: 'might-fail' },
  'add-primary-key': { family: 'might-fail' },
  'add-unique': { family: 'might-fail' },
  'add-check': { family: 'might-fail' },
  'add-foreign-key': { family: 'might-fail' },
  'create-unique-index': { family: 'might-fail' },
  'attach-partition': { family: 'might-fail' },
  'alter-sequence-bounds': { family: 'might-fail' },
  'recreate-enum': { family: 'might-fail' },
  'create-index': { family: 'locking' },
  'rename': { family: 'incompatible' },
  'column-order': { family: 'drift' },
  'enum-add-value': { family: 'manual' },
  'manual-step': { family: 'manual' },
  'unsupported-change': { family: 'manual' },
} as const satisfies Record<string, { family: HazardFamily }>;

export type HazardFamily = 'destructive' | 'might-fail' | 'locking' | 'incompatible' | 'drift' | 'manual';
export type HazardCode = keyof typeof HAZARDS;

export interface Hazard {
  readonly code: HazardCode;
  readonly message: string;
}

export function hazardFamily(code: HazardCode): HazardFamily {
  return HAZARDS[code].family;
}
