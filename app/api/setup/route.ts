/**
 * First-run setup. GET (anyone): {needsSetup, signupEnabled}, what the setup and login pages need to
 * know before anyone is signed in. POST {email, password}: creates the first (admin) account and signs
 * it in; refused with 409 once any account exists.
 */
import { getSettings, setupFirstAdmin, userCount } from '@/lib/auth';
import { readJson, route } from '../_lib/route';
import { startSession } from '../_lib/session';

export const GET = route('public', async ({ app }) => ({
  needsSetup: (await userCount(app)) === 0,
  signupEnabled: (await getSettings(app)).signupEnabled,
}));

export const POST = route('public', async ({ app, request }) => {
  const body = await readJson(request, 64 * 1024);
  const user = await setupFirstAdmin(app, { email: body.email, password: body.password });
  return startSession(app, request, user, 201);
});
