/**
 * Target PostgreSQL versions. Features newer than the target are refused with an error that names the
 * object, never silently dropped: validation reports them first, so reaching this is a caller's bug.
 */
export const MIN_TARGET = 13;
export const MAX_TARGET = 18;
export const DEFAULT_TARGET = 16;

/** UnsupportedFeatureError says which object needs a newer PostgreSQL than the target. */
export class UnsupportedFeatureError extends Error {
  constructor(readonly feature: string, readonly since: number, readonly target: number, readonly where: string) {
    super(`${where}: ${feature} needs PostgreSQL ${since} or later (target is ${target})`);
    this.name = 'UnsupportedFeatureError';
  }
}

export function requireTarget(target: number, since: number, feature: string, where: string): void {
  if (target < since) throw new UnsupportedFeatureError(feature, since, target, where);
}

/** checkTarget rejects targets outside the supported range. */
export function checkTarget(target: number): number {
  if (!Number.isInteger(target) || target < MIN_TARGET || target > MAX_TARGET) {
    throw new RangeError(`target must be a PostgreSQL major version from ${MIN_TARGET} to ${MAX_TARGET}, got ${target}`);
  }
  return target;
}
