/**
 * The caller's session. GET: who am I. POST {email, password}: sign in (throttled). DELETE: sign out;
 * `?all=1` ends every session of the account ("log out everywhere").
 */
import { clearSessionCookie, deleteAllSessions, deleteSession, isSecureRequest, login } from '@/lib/auth';
import { json, readJson, route } from '../_lib/route';
import { publicUser, startSession } from '../_lib/session';

export const GET = route('user', async ({ principal }) => ({ user: publicUser({ id: principal.userId, email: principal.email, isAdmin: principal.isAdmin }), via: principal.via }));

export const POST = route('public', async ({ app, request, ip }) => {
  const body = await readJson(request, 64 * 1024);
  const user = await login(app, { email: body.email, password: body.password }, ip);
  return startSession(app, request, user);
});

export const DELETE = route('user', async ({ app, request, principal }) => {
  const all = ['1', 'true'].includes(new URL(request.url).searchParams.get('all') ?? '');
  let ended = 0;
  if (all) ended = await deleteAllSessions(app, principal.userId);
  else if (principal.sessionId) {
    await deleteSession(app, principal.sessionId);
    ended = 1;
  }
  return json({ ended }, 200, { 'set-cookie': clearSessionCookie(isSecureRequest(request, app.trustProxy)) });
});
