/**
 * route() wraps every API handler: it resolves the app context, checks Origin on mutating requests,
 * authenticates (session cookie or Bearer token) and enforces the route's access level, then turns
 * AppErrors into `{ error: { code, message } }` and anything unexpected into a bare 500 (logged on the
 * server, never sent). Handlers return plain data (sent as JSON 200) or a Response.
 */
import { AppError, authenticate, checkOrigin, clientIp, getAppContext, PendingCaller, type AppContext, type Principal } from '@/lib/auth';
import { isCachedModel, jsonWithModel, type CachedModel } from '@/lib/projects/model-cache';
import { mark, timed, type PhaseTimer } from '@/lib/projects/timing';

export type Access = 'public' | 'user' | 'admin';

export interface HandlerInput<P> {
  request: Request;
  app: AppContext;
  params: P;
  ip: string;
}

export interface AuthedInput<P> extends HandlerInput<P> {
  principal: Principal;
}

/** The input of a `callerRoute`: the caller's credential, not yet looked up (see PendingCaller). */
export interface CallerInput<P> extends HandlerInput<P> {
  caller: PendingCaller;
}

type Input<A extends Access, P> = A extends 'public' ? HandlerInput<P> & { principal?: Principal } : AuthedInput<P>;
type RouteContext<P> = { params: Promise<P> };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * errorResponse writes `{ error: { code, message }, ...extra }`. A cached model in `extra.model` (the
 * 409 of a stale save) is written from its stored text, not parsed and serialised again.
 */
export function errorResponse(error: AppError): Response {
  const { findings, model, ...rest } = error.extra ?? {};
  const body: Record<string, unknown> = { error: { code: error.code, message: error.message, ...(findings ? { findings } : {}) }, ...rest };
  if (findings) body.findings = findings;
  if (isCachedModel(model)) {
    const head = JSON.stringify(body);
    return modelResponse(`${head.slice(0, -1)},"model":`, model, '}', error.status, error.headers);
  }
  if (model !== undefined) body.model = model;
  return json(body, error.status, error.headers);
}

/**
 * modelResponse sends `prefix + model text + suffix` as JSON. Compression is left to the server:
 * Next.js drops a route handler's Content-Encoding, so a pre-compressed body cannot be sent from here.
 */
export function modelResponse(prefix: string, model: CachedModel, suffix: string, status: number, headers: Record<string, string> = {}): Response {
  const bytes = jsonWithModel(prefix, model, suffix);
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function route<P = Record<string, never>, A extends Access = 'user'>(
  access: A,
  fn: (input: Input<A, P>) => Promise<Response | unknown>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return wrap<P>(async (request, app, context) => {
    const auth = await authenticate(app, request);
    mark('auth');
    const result = (async () => {
      if (access !== 'public' && !auth.principal) throw new AppError(401, 'unauthenticated', 'Sign in first (or send an API token as Authorization: Bearer).');
      if (access === 'admin' && !auth.principal!.isAdmin) throw new AppError(403, 'forbidden', 'Only administrators may do this.');
      const params = ((await context?.params) ?? {}) as P;
      return fn({ request, app, params, ip: clientIp(request, app.trustProxy), principal: auth.principal } as Input<A, P>);
    })();
    return { result, auth: () => auth };
  });
}

/**
 * callerRoute is route('user', ...) for the hot project routes whose handler reads the project with
 * one query anyway: the handler gets the caller's credential unresolved and passes it to that query,
 * which authenticates with the same rules (lib/auth PendingCaller.settle) in the same round trip. A
 * request without any credential is refused (401) here, as route() does; the handler's lookup answers
 * 401 for an unknown, revoked or expired one before anything about the project, and an AppError the
 * handler throws before that lookup is preceded by one of its own (401 first, whatever failed).
 */
export function callerRoute<P = Record<string, never>>(
  fn: (input: CallerInput<P>) => Promise<Response | unknown>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return wrap<P>(async (request, app, context) => {
    const caller = PendingCaller.from(app, request);
    if (!caller) throw new AppError(401, 'unauthenticated', 'Sign in first (or send an API token as Authorization: Bearer).');
    const result = (async () => {
      try {
        const params = ((await context?.params) ?? {}) as P;
        return await fn({ request, app, params, ip: clientIp(request, app.trustProxy), caller });
      } catch (error) {
        // Refused before the handler's query settled the caller (a bad If-Match, an id that cannot be
        // a project's): the credential is looked up on its own so a refused one is still the 401.
        if (error instanceof AppError && !caller.authentication) await caller.resolve(app);
        throw error;
      }
    })();
    return { result, auth: () => caller.authentication };
  });
}

type Run<P> = (request: Request, app: AppContext, context: RouteContext<P>) => Promise<{ result: Promise<Response | unknown>; auth: () => { setCookie?: string } | undefined }>;

/** wrap is what route() and callerRoute() share: context, Origin check, errors, Set-Cookie, timing. */
function wrap<P>(run: Run<P>): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return (request, context) => timed(async (timer) => {
    if (timer) {
      // Connections busy and requests queued for one when this request arrived (counts, not ms).
      const pool = (await getAppContext()).db.poolStats?.();
      if (pool) timer.phases.push(['busy', pool.total - pool.idle], ['queued', pool.waiting]);
    }
    return withTiming(timer, await handle(request, context));
  });
  async function handle(request: Request, context: RouteContext<P>): Promise<Response> {
    let auth: (() => { setCookie?: string } | undefined) | undefined;
    try {
      const app = await getAppContext();
      mark('context');
      checkOrigin(request, app.trustProxy);
      const started = await run(request, app, context);
      auth = started.auth;
      const result = await started.result;
      const response = result instanceof Response ? result : json(result);
      const setCookie = auth()?.setCookie;
      if (setCookie && !response.headers.has('set-cookie')) response.headers.append('set-cookie', setCookie);
      return response;
    } catch (error) {
      if (error instanceof AppError) {
        const response = errorResponse(error);
        const setCookie = auth?.()?.setCookie;
        if (setCookie && error.status !== 401) response.headers.append('set-cookie', setCookie);
        return response;
      }
      console.error(`pgcanvas: ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return json({ error: { code: 'internal_error', message: 'Something went wrong on the server; the error was logged.' } }, 500);
    }
  }
}

/** withTiming adds the request's phases as Server-Timing (only when PGCANVAS_TIMING=1). */
function withTiming(timer: PhaseTimer | undefined, response: Response): Response {
  if (!timer) return response;
  timer.mark('respond');
  response.headers.set('server-timing', timer.header());
  return response;
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** readJson reads a JSON body of at most maxBytes (413 past that, 400 for malformed JSON). */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = () => new AppError(413, 'payload_too_large', `The request is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit; nothing was stored.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new AppError(400, 'invalid_json', 'The request body is empty; send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AppError(400, 'invalid_json', 'The request body must be a JSON object.');
  return value as Record<string, unknown>;
}
