'use client';
/** The top bar of the signed-in pages: where you are, who you are, settings and sign out. */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { apiFetch } from './api';
import { Button } from './ui';

export function AppHeader({ email }: { email?: string }) {
  const router = useRouter();
  async function signOut() {
    await apiFetch('/api/session', { method: 'DELETE' }).catch(() => {});
    router.push('/login');
  }
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
        <Link href="/projects" className="text-lg font-semibold">pgcanvas</Link>
        <nav className="flex gap-3 text-sm text-slate-600 dark:text-slate-300">
          <Link href="/projects" className="hover:underline">Projects</Link>
          <Link href="/examples" className="hover:underline">Examples</Link>
          <Link href="/settings" className="hover:underline">Settings</Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {email ? <span className="text-slate-500" data-testid="signed-in-as">{email}</span> : null}
          <Button kind="ghost" onClick={signOut}>Sign out</Button>
        </div>
      </div>
    </header>
  );
}
