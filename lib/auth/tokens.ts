/** Random secrets and their stored form: 256-bit tokens, kept in the database only as SHA-256 (hex). */
import { createHash, randomBytes } from 'node:crypto';

/** newToken returns 32 random bytes as base64url, with an optional readable prefix (e.g. `pgc_` for API tokens). */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
