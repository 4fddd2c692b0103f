/** API tokens of the caller. GET lists them (never the secret); POST {name, expiresInDays?} returns the token once. */
import { createApiToken, listApiTokens } from '@/lib/auth';
import { json, readJson, route } from '../_lib/route';

export const GET = route('user', async ({ app, principal }) => ({ tokens: await listApiTokens(app, principal.userId) }));

export const POST = route('user', async ({ app, request, principal }) => {
  const body = await readJson(request, 64 * 1024);
  return json(await createApiToken(app, principal.userId, body.name, body.expiresInDays), 201);
});
