/** Invitations (admins). GET lists open ones; POST {email} returns the invitation token once. */
import { createInvite, listOpenInvites } from '@/lib/auth';
import { json, readJson, route } from '../_lib/route';

export const GET = route('admin', async ({ app }) => ({ invites: await listOpenInvites(app) }));

export const POST = route('admin', async ({ app, request, principal }) => {
  const body = await readJson(request, 64 * 1024);
  return json(await createInvite(app, principal.userId, body.email), 201);
});
