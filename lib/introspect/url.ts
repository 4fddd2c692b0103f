/**
 * Connection URLs from users: parsed without ever echoing them (they carry passwords), and stripped of
 * the parameters that make the `pg` client read local files (sslcert, sslkey, sslrootcert; STACK.md).
 */
const FILE_PARAMS = ['sslcert', 'sslkey', 'sslrootcert', 'sslcrl'];

export type UrlCheck = { ok: true; url: string; password: string | undefined; removed: string[] } | { ok: false; message: string };

export function sanitizeDatabaseUrl(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: 'not a valid connection URL (expected postgres://user:password@host:port/database)' };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return { ok: false, message: `unsupported URL scheme ${url.protocol.replace(/:$/, '')} (expected postgres:// or postgresql://)` };
  }
  const removed: string[] = [];
  for (const p of FILE_PARAMS) {
    if (url.searchParams.has(p)) {
      url.searchParams.delete(p);
      removed.push(p);
    }
  }
  return { ok: true, url: url.toString(), password: url.password ? decodeURIComponent(url.password) : undefined, removed };
}

/** scrub removes a password (raw and URL-encoded) from a message before it is shown or logged. */
export function scrub(message: string, password: string | undefined): string {
  if (!password) return message;
  let out = message;
  for (const p of new Set([password, encodeURIComponent(password)])) if (p) out = out.split(p).join('***');
  return out;
}
