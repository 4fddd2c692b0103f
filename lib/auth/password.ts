/**
 * Password hashing with argon2id. The parameters are injectable (the app context carries them) so a
 * test can change them and watch the stored hash be upgraded at the next login. The same options are
 * passed to `hash` and `needsRehash`: argon2's own defaults differ from OWASP's.
 */
import argon2 from 'argon2';
import { AppError } from './errors';

export interface PasswordParams {
  /** KiB of memory. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP_ARGON2ID: m=19 MiB, t=2, p=1 (OWASP Password Storage Cheat Sheet). */
export const OWASP_ARGON2ID: PasswordParams = Object.freeze({ memoryCost: 19456, timeCost: 2, parallelism: 1 });

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/** checkPasswordPolicy throws a 400 naming the rule a new password breaks (length counted in characters). */
export function checkPasswordPolicy(password: unknown): string {
  if (typeof password !== 'string') throw new AppError(400, 'weak_password', 'password must be a string.');
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw new AppError(400, 'weak_password', `Password must be at least ${PASSWORD_MIN_LENGTH} characters (got ${length}).`);
  if (length > PASSWORD_MAX_LENGTH) throw new AppError(400, 'weak_password', `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);
  return password;
}

export function hashPassword(password: string, params: PasswordParams): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...params });
}

/** verifyPassword is false for a wrong password and for a malformed stored hash (never throws for those). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(hash: string, params: PasswordParams): boolean {
  return argon2.needsRehash(hash, params);
}

const dummyHashes = new Map<string, Promise<string>>();
/**
 * dummyHash is a hash with the current parameters of a password nobody has, verified when the account
 * does not exist so that a login for an unknown email costs the same time as a wrong password.
 */
export function dummyHash(params: PasswordParams): Promise<string> {
  const key = `${params.memoryCost}/${params.timeCost}/${params.parallelism}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword(`dummy-${Math.random()}-${Date.now()}`, params);
    dummyHashes.set(key, hash);
  }
  return hash;
}
