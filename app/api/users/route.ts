/** Sign-up: POST {email, password, invite?}; allowed when an admin enabled sign-up, or with an invitation. */
import { signUp } from '@/lib/auth';
import { readJson, route } from '../_lib/route';
import { startSession } from '../_lib/session';

export const POST = route('public', async ({ app, request }) => {
  const body = await readJson(request, 64 * 1024);
  const user = await signUp(app, { email: body.email, password: body.password, invite: body.invite });
  return startSession(app, request, user, 201);
});
