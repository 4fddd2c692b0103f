'use client';
/** Settings: API tokens (created here, shown once), sign out everywhere, and for admins sign-up and invitations. */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiFetch, errorText } from '@/components/app/api';
import { AppHeader } from '@/components/app/app-header';
import { Button, Field, Notice, formatDate } from '@/components/app/ui';
import { useSession } from '@/components/app/use-session';

interface Token { id: string; name: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null }
interface Invite { id: string; email: string; expiresAt: string }

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default function SettingsPage() {
  const user = useSession();
  const router = useRouter();
  const [tokens, setTokens] = useState<Token[]>([]);
  const [tokenName, setTokenName] = useState('');
  const [newToken, setNewToken] = useState<string>();
  const [signupEnabled, setSignupEnabled] = useState<boolean>();
  const [invites, setInvites] = useState<Invite[]>([]);
  const [inviteEmail, setInviteEmail] = useState('');
  const [inviteLink, setInviteLink] = useState<string>();
  const [error, setError] = useState<string>();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [passwordNotice, setPasswordNotice] = useState<string>();

  const load = useCallback(() => {
    apiFetch<{ tokens: Token[] }>('/api/tokens').then((r) => setTokens(r.tokens)).catch((e) => setError(errorText(e)));
    apiFetch<{ signupEnabled: boolean }>('/api/settings').then((r) => setSignupEnabled(r.signupEnabled)).catch(() => {});
    if (user?.isAdmin) apiFetch<{ invites: Invite[] }>('/api/invites').then((r) => setInvites(r.invites)).catch(() => {});
  }, [user]);
  useEffect(() => { if (user) load(); }, [user, load]);

  async function act(fn: () => Promise<unknown>) {
    setError(undefined);
    try { await fn(); load(); } catch (e) { setError(errorText(e)); }
  }
  function createToken(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      const r = await apiFetch<{ token: string }>('/api/tokens', { method: 'POST', body: { name: tokenName } });
      setNewToken(r.token);
      setTokenName('');
    });
  }
  function invite(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      const r = await apiFetch<{ token: string; email: string }>('/api/invites', { method: 'POST', body: { email: inviteEmail } });
      setInviteLink(`${location.origin}/login?invite=${encodeURIComponent(r.token)}&email=${encodeURIComponent(r.email)}`);
      setInviteEmail('');
    });
  }

  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <AppHeader email={user?.email} />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Settings</h1>
        {error ? <Notice>{error}</Notice> : null}
        <Section title="API tokens">
          <p className="text-sm text-slate-600 dark:text-slate-400">Scripts send a token as <code>Authorization: Bearer …</code>. It acts as you; it is shown once.</p>
          <form onSubmit={createToken} className="flex items-end gap-2">
            <div className="flex-1"><Field label="Token name" required maxLength={100} value={tokenName} onChange={(e) => setTokenName(e.target.value)} placeholder="e.g. CI export" /></div>
            <Button kind="primary" type="submit">Create token</Button>
          </form>
          {newToken ? <Notice kind="success">Copy it now, it will not be shown again: <code data-testid="new-token" className="break-all">{newToken}</code></Notice> : null}
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {tokens.map((t) => (
              <li key={t.id} className="flex items-center gap-2 py-2">
                <span className="flex-1">{t.name}<span className="block text-xs text-slate-500">created {formatDate(t.createdAt)} · {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : 'never used'}</span></span>
                <Button kind="danger" onClick={() => act(() => apiFetch(`/api/tokens/${t.id}`, { method: 'DELETE' }))}>Revoke</Button>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Password">
          <form className="space-y-3" onSubmit={(event) => {
            event.preventDefault();
            setPasswordNotice(undefined);
            void act(async () => {
              const r = await apiFetch<{ endedSessions: number }>('/api/account/password', { method: 'PUT', body: { currentPassword, newPassword } });
              setCurrentPassword('');
              setNewPassword('');
              setPasswordNotice(`Password changed; ${r.endedSessions} other session(s) signed out.`);
            });
          }}>
            <Field label="Current password" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />
            <Field label="New password" type="password" autoComplete="new-password" required minLength={12} maxLength={1024} hint="At least 12 characters." value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
            <Button kind="primary" type="submit">Change password</Button>
          </form>
          {passwordNotice ? <Notice kind="success">{passwordNotice}</Notice> : null}
        </Section>
        <Section title="Sessions">
          <p className="text-sm text-slate-600 dark:text-slate-400">Sign out on every device and browser, including this one.</p>
          <Button onClick={() => act(async () => { await apiFetch('/api/session?all=1', { method: 'DELETE' }); router.push('/login'); })}>Sign out everywhere</Button>
        </Section>
        {user?.isAdmin ? (
          <Section title="Administration">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={signupEnabled ?? false} disabled={signupEnabled === undefined}
                onChange={(e) => act(() => apiFetch('/api/settings', { method: 'PATCH', body: { signupEnabled: e.target.checked } }))} />
              Anyone may sign up (otherwise only invited people)
            </label>
            <form onSubmit={invite} className="flex items-end gap-2">
              <div className="flex-1"><Field label="Invite by email" type="email" required value={inviteEmail} onChange={(e) => setInviteEmail(e.target.value)} /></div>
              <Button kind="primary" type="submit">Invite</Button>
            </form>
            {inviteLink ? <Notice kind="success">Send this link (valid 7 days, shown once): <code className="break-all">{inviteLink}</code></Notice> : null}
            <ul className="text-sm">
              {invites.map((i) => (
                <li key={i.id} className="flex items-center gap-2 py-1">
                  <span className="flex-1">{i.email} <span className="text-xs text-slate-500">until {formatDate(i.expiresAt)}</span></span>
                  <Button kind="ghost" onClick={() => act(() => apiFetch(`/api/invites/${i.id}`, { method: 'DELETE' }))}>Revoke</Button>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </main>
    </div>
  );
}
