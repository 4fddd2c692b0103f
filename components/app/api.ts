/**
 * apiFetch: the browser side of docs/api.md. Same-origin fetch (the browser sends the session cookie
 * and Origin); errors come back as ApiError with the server's code and message.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly body: unknown) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function apiFetch<T = unknown>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.', undefined);
  }
  const text = await response.text();
  let data: unknown = text;
  try { data = text ? JSON.parse(text) : undefined; } catch { /* not JSON (e.g. SQL export) */ }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `Request failed (${response.status}).`, data);
  }
  return data as T;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SessionInfo {
  user: { id: string; email: string; isAdmin: boolean };
}

export interface ProjectSummary {
  id: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer';
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  purgeAt?: string;
}
