/** Starting a browser session: the response that carries the new session cookie. */
import { createSession, isSecureRequest, sessionCookie, type AppContext, type User } from '@/lib/auth';
import { json } from './route';

export function publicUser(user: Pick<User, 'id' | 'email' | 'isAdmin'>) {
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}

export async function startSession(app: AppContext, request: Request, user: User, status = 200): Promise<Response> {
  const { token, expiresAt } = await createSession(app, user.id);
  return json({ user: publicUser(user), expiresAt }, status, { 'set-cookie': sessionCookie(token, expiresAt, isSecureRequest(request, app.trustProxy), app.now()) });
}
