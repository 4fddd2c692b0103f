/**
 * The HTTP edge of authentication: the session cookie, the Bearer header, the client address and the
 * Origin check for mutating requests. Route handlers call `authenticate` through app/api/_lib/route.ts.
 */
import type { AppContext } from './context';
import { AppError } from './errors';
import { apiTokenOk, findApiToken, settleApiToken, type ApiTokenRow } from './api-tokens';
import { findSession, sessionTokenOk, settleSession, type SessionRow, type SessionUser } from './sessions';
import { sha256Hex } from './tokens';

export const SESSION_COOKIE = 'pgcanvas_session';

export interface Principal extends SessionUser {
  via: 'session' | 'token';
  sessionId?: string;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** isSecureRequest: served over https (directly, or behind a proxy that says so and is trusted). */
export function isSecureRequest(request: Request, trustProxy: boolean): boolean {
  if (process.env.COOKIE_SECURE === '1') return true;
  if (new URL(request.url).protocol === 'https:') return true;
  return trustProxy && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean, now: Date = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}; Expires=${expiresAt.toUTCString()}${secure ? '; Secure' : ''}`;
}

export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure ? '; Secure' : ''}`;
}

/**
 * clientIp is the address login throttling counts against: the last X-Forwarded-For entry, which is
 * the one added by the nearest hop (a reverse proxy appends the peer it saw; Next.js itself fills the
 * header with the socket address when it is absent). Without a proxy, a client can send its own
 * X-Forwarded-For and pick its address, so per-address throttling is only reliable behind a proxy that
 * appends or overwrites the header (docs/storage.md); per-account throttling does not depend on it.
 */
export function clientIp(request: Request, _trustProxy: boolean): string {
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) {
    const parts = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    const ip = parts[parts.length - 1];
    if (ip) return ip.slice(0, 100);
  }
  return 'unknown';
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * checkOrigin refuses cross-site mutating requests. A browser always sends Origin on a POST/PUT/DELETE
 * from fetch or a form; it must name this app (the Host the request came to, or APP_ORIGIN). A request
 * without Origin is accepted only with a Bearer token, which a browser never attaches by itself.
 */
export function checkOrigin(request: Request, trustProxy: boolean): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  if (!origin) {
    if (bearerToken(request)) return;
    throw new AppError(403, 'bad_origin', 'Cross-site request refused: the Origin header is missing (scripts: use an API token).');
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(403, 'bad_origin', 'Cross-site request refused: the Origin header is not a URL.');
  }
  const allowed = new Set<string>();
  const host = request.headers.get('host');
  if (host) allowed.add(host);
  allowed.add(new URL(request.url).host);
  const forwardedHost = request.headers.get('x-forwarded-host');
  if (trustProxy && forwardedHost) allowed.add(forwardedHost.split(',')[0]!.trim());
  for (const o of (process.env.APP_ORIGIN ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    try { allowed.add(new URL(o).host); } catch { /* ignored: documented as a list of URLs */ }
  }
  if (!allowed.has(originHost)) throw new AppError(403, 'bad_origin', `Cross-site request refused: origin ${origin} is not this app.`);
}

export interface Authentication {
  principal?: Principal;
  /** A Set-Cookie header to send back (sliding renewal, or clearing a dead cookie). */
  setCookie?: string;
}

/**
 * authenticate finds the caller from a Bearer token or the session cookie: the credential is looked
 * up on its own and settled by PendingCaller's rules. A refused token is a 401; a refused session
 * cookie is no principal (and the cookie cleared), for public routes to answer as they will.
 */
export async function authenticate(ctx: AppContext, request: Request): Promise<Authentication> {
  const caller = PendingCaller.from(ctx, request);
  if (!caller) return {};
  const authentication = await caller.lookup(ctx);
  if (!authentication.principal && caller.kind === 'token') throw refused('token');
  return authentication;
}

function refused(kind: 'session' | 'token'): AppError {
  return kind === 'token'
    ? new AppError(401, 'unauthenticated', 'The API token is not valid (unknown, revoked or expired).')
    : new AppError(401, 'unauthenticated', 'Sign in first (or send an API token as Authorization: Bearer).');
}

/**
 * A caller whose credential (session cookie or Bearer token) is known but not yet looked up: a hot
 * route's own query joins the session or token row (`kind`, `hash`; columns sessionColumns or
 * apiTokenColumns) to what it reads anyway, so authentication costs no round trip of its own. The
 * row then goes through `settle`, the same rules as authenticate (expiry, sliding renewal, use
 * recorded), and an unknown, revoked or expired credential is the same 401. `authentication` is the
 * outcome once settled: the caller, and what route() sends back (the renewed or cleared cookie).
 */
export class PendingCaller {
  authentication?: Authentication;
  private constructor(readonly kind: 'session' | 'token', readonly hash: string, private readonly token: string, private readonly secure: boolean) {}

  /**
   * from reads the request's credential: a PendingCaller, or undefined when there is none at all
   * (the route answers 401 as for any request without one). A credential that cannot be one of ours
   * still gives a PendingCaller, refused at settle without being looked up.
   */
  static from(ctx: AppContext, request: Request): PendingCaller | undefined {
    const bearer = bearerToken(request);
    if (bearer) return new PendingCaller('token', apiTokenOk(bearer) ? sha256Hex(bearer) : '', bearer, false);
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) return undefined;
    return new PendingCaller('session', sessionTokenOk(token) ? sha256Hex(token) : '', token, isSecureRequest(request, ctx.trustProxy));
  }

  /** lookable: the credential has our shape (else settle(undefined) refuses it without a query). */
  get lookable(): boolean {
    return this.hash !== '';
  }

  /** settle takes the credential's row from the joined query (undefined: none) and returns the principal, or throws 401. */
  async settle(ctx: AppContext, row: SessionRow | ApiTokenRow | undefined): Promise<Principal> {
    const { principal } = await this.apply(ctx, row);
    if (!principal) throw refused(this.kind);
    return principal;
  }

  /** resolve looks the credential up on its own (for requests the joined query is not run for). */
  async resolve(ctx: AppContext): Promise<Principal> {
    return this.settle(ctx, await this.find(ctx));
  }

  /** lookup is resolve without the 401: `authentication` without a principal when refused (what authenticate() needs). */
  async lookup(ctx: AppContext): Promise<Authentication> {
    return this.apply(ctx, await this.find(ctx));
  }

  private async find(ctx: AppContext): Promise<SessionRow | ApiTokenRow | undefined> {
    if (!this.lookable) return undefined;
    return this.kind === 'token' ? findApiToken(ctx, this.hash) : findSession(ctx, this.hash);
  }

  /** apply runs the credential's rules on its row and records the outcome in `authentication`. */
  private async apply(ctx: AppContext, row: SessionRow | ApiTokenRow | undefined): Promise<Authentication> {
    if (this.kind === 'token') {
      const user = await settleApiToken(ctx, row as ApiTokenRow | undefined);
      return this.authentication = user ? { principal: { ...user, via: 'token' } } : {};
    }
    const session = await settleSession(ctx, row as SessionRow | undefined);
    if (!session) return this.authentication = { setCookie: clearSessionCookie(this.secure) };
    const principal: Principal = { userId: session.userId, email: session.email, isAdmin: session.isAdmin, via: 'session', sessionId: session.sessionId };
    return this.authentication = { principal, setCookie: session.renewed ? sessionCookie(this.token, session.expiresAt, this.secure, ctx.now()) : undefined };
  }
}
