/** Email addresses are compared and stored trimmed and lower-cased. */
import { AppError } from './errors';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** parseEmail accepts a plausible address (something@domain, at most 320 characters) and normalises it. */
export function parseEmail(value: unknown): string {
  if (typeof value !== 'string') throw new AppError(400, 'invalid_email', 'email must be a string.');
  const email = normalizeEmail(value);
  if (email.length < 3 || email.length > 320 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new AppError(400, 'invalid_email', 'Enter a valid email address (name@example.com).');
  }
  return email;
}
