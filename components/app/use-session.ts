'use client';
/** useSession loads the signed-in user; without a session it sends the browser to /login (or /setup on a fresh install). */
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { apiFetch, ApiError, type SessionInfo } from './api';

export function useSession(): SessionInfo['user'] | undefined {
  const router = useRouter();
  const [user, setUser] = useState<SessionInfo['user']>();
  useEffect(() => {
    let live = true;
    apiFetch<SessionInfo>('/api/session').then((s) => { if (live) setUser(s.user); }).catch(async (error) => {
      if (!(error instanceof ApiError) || error.status !== 401) return;
      const setup = await apiFetch<{ needsSetup: boolean }>('/api/setup').catch(() => ({ needsSetup: false }));
      router.replace(setup.needsSetup ? '/setup' : `/login?next=${encodeURIComponent(location.pathname)}`);
    });
    return () => { live = false; };
  }, [router]);
  return user;
}
