/**
 * AppError is an expected failure with an HTTP status and a stable code; route handlers turn it into
 * `{ error: { code, message } }` (plus `details` when there are any, e.g. validation findings).
 * Anything else that is thrown is a bug and becomes a 500 without its message or stack.
 */
export type ErrorCode =
  | 'bad_request' | 'invalid_json' | 'validation_failed' | 'weak_password' | 'invalid_email'
  | 'unauthenticated' | 'invalid_credentials' | 'forbidden' | 'bad_origin' | 'not_found'
  | 'conflict' | 'already_set_up' | 'signup_disabled' | 'email_taken' | 'precondition_required'
  | 'payload_too_large' | 'too_many_attempts' | 'unsupported_media_type' | 'method_not_allowed'
  | 'not_available' | 'internal_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra top-level fields of the error body (e.g. findings). */
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'project') => new AppError(404, 'not_found', `No such ${what}.`);
export const badRequest = (message: string) => new AppError(400, 'bad_request', message);
