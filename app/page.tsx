/**
 * The front door: a fresh install goes to first-run setup, a signed-in browser to its projects,
 * everyone else to sign-in. Decided on the server from the session cookie.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAppContext, resolveSession, SESSION_COOKIE, userCount } from '@/lib/auth';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const app = await getAppContext();
  if ((await userCount(app)) === 0) redirect('/setup');
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await resolveSession(app, token) : undefined;
  redirect(session ? '/projects' : '/login');
}
