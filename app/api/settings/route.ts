/** App settings. GET (any signed-in user): {signupEnabled}. PATCH (admins): {signupEnabled}. */
import { AppError, getSettings, setSignupEnabled } from '@/lib/auth';
import { readJson, route } from '../_lib/route';

export const GET = route('user', async ({ app }) => getSettings(app));

export const PATCH = route('admin', async ({ app, request }) => {
  const body = await readJson(request, 64 * 1024);
  if (typeof body.signupEnabled !== 'boolean') throw new AppError(400, 'bad_request', 'signupEnabled must be true or false.');
  return setSignupEnabled(app, body.signupEnabled);
});
