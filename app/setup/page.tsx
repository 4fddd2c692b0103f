'use client';
/** First-run setup: creates the first (admin) account. Once any account exists it points to sign-in. */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, errorText } from '@/components/app/api';
import { AuthCard } from '@/components/app/auth-card';
import { Button, Field, Notice } from '@/components/app/ui';

export default function SetupPage() {
  const router = useRouter();
  const [needsSetup, setNeedsSetup] = useState<boolean>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiFetch<{ needsSetup: boolean }>('/api/setup').then((s) => setNeedsSetup(s.needsSetup)).catch((e) => setError(errorText(e)));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (password !== confirm) return setError('The two passwords differ.');
    setBusy(true);
    try {
      await apiFetch('/api/setup', { method: 'POST', body: { email, password } });
      router.push('/projects');
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  if (needsSetup === false) {
    return (
      <AuthCard title="Already set up" subtitle="This pgcanvas has an administrator.">
        <Link className="text-blue-700 underline" href="/login">Sign in</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set up pgcanvas" subtitle="Create the administrator account. Sign-up stays off until you enable it or invite people.">
      <form onSubmit={submit} className="space-y-4">
        <Field label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label="Password" type="password" autoComplete="new-password" required minLength={12} maxLength={1024} hint="At least 12 characters." value={password} onChange={(e) => setPassword(e.target.value)} />
        <Field label="Repeat password" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        {error ? <Notice>{error}</Notice> : null}
        <Button kind="primary" type="submit" disabled={busy || needsSetup === undefined} className="w-full">{busy ? 'Creating…' : 'Create administrator'}</Button>
      </form>
    </AuthCard>
  );
}
