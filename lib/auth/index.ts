/** Accounts, sessions, API tokens, throttling and the HTTP edge of authentication. See README.md. */
export * from './errors';
export * from './context';
export * from './password';
export * from './email';
export * from './accounts';
export * from './sessions';
export * from './api-tokens';
export * from './invites';
export * from './settings';
export * from './throttle';
export * from './http';
export { newToken, sha256Hex } from './tokens';
