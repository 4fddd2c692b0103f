/** Change the caller's password: PUT {currentPassword, newPassword}. Every other session of the account ends. */
import { changePassword, deleteAllSessions } from '@/lib/auth';
import { readJson, route } from '../../_lib/route';
import { and, eq, ne } from 'drizzle-orm';
import { tables } from '@/lib/db';

export const PUT = route('user', async ({ app, request, principal }) => {
  const body = await readJson(request, 64 * 1024);
  await changePassword(app, principal.userId, body.currentPassword, body.newPassword);
  if (principal.sessionId) {
    const ended = await app.db.orm.delete(tables.sessions)
      .where(and(eq(tables.sessions.userId, principal.userId), ne(tables.sessions.id, principal.sessionId))).returning({ id: tables.sessions.id });
    return { changed: true, endedSessions: ended.length };
  }
  return { changed: true, endedSessions: await deleteAllSessions(app, principal.userId) };
});
