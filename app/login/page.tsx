'use client';
/**
 * Sign in; and sign up when an admin enabled it or the link carries an invitation (?invite=...).
 * A fresh install (no account yet) goes to /setup.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'next/navigation';
import { apiFetch, errorText } from '@/components/app/api';
import { AuthCard } from '@/components/app/auth-card';
import { Button, Field, Notice } from '@/components/app/ui';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/projects';
}

function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const invite = params.get('invite') ?? undefined;
  const [mode, setMode] = useState<'signin' | 'signup'>(invite ? 'signup' : 'signin');
  const [signupEnabled, setSignupEnabled] = useState(false);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiFetch<{ needsSetup: boolean; signupEnabled: boolean }>('/api/setup').then((s) => {
      if (s.needsSetup) router.replace('/setup');
      setSignupEnabled(s.signupEnabled);
    }).catch(() => {});
  }, [router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      if (mode === 'signin') await apiFetch('/api/session', { method: 'POST', body: { email, password } });
      else await apiFetch('/api/users', { method: 'POST', body: { email, password, invite } });
      router.push(safeNext(params.get('next')));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  const canSignUp = signupEnabled || invite !== undefined;
  return (
    <AuthCard title={mode === 'signin' ? 'Sign in' : 'Create your account'} subtitle={invite && mode === 'signup' ? 'You were invited: choose a password.' : undefined}>
      <form onSubmit={submit} className="space-y-4">
        <Field label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label="Password" type="password" autoComplete={mode === 'signin' ? 'current-password' : 'new-password'} required
          minLength={mode === 'signup' ? 12 : undefined} hint={mode === 'signup' ? 'At least 12 characters.' : undefined}
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? <Notice>{error}</Notice> : null}
        <Button kind="primary" type="submit" disabled={busy} className="w-full">{busy ? 'Please wait…' : mode === 'signin' ? 'Sign in' : 'Create account'}</Button>
      </form>
      {canSignUp ? (
        <p className="mt-4 text-center text-sm">
          {mode === 'signin'
            ? <button type="button" className="text-blue-700 underline" onClick={() => setMode('signup')}>No account yet? Sign up</button>
            : <button type="button" className="text-blue-700 underline" onClick={() => setMode('signin')}>Have an account? Sign in</button>}
        </p>
      ) : null}
      <p className="mt-4 text-center text-xs text-slate-500"><Link href="/examples" className="underline">Browse the examples</Link></p>
    </AuthCard>
  );
}

export default function LoginPage() {
  return <Suspense><LoginForm /></Suspense>;
}
