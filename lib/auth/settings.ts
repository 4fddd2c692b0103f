/** App-wide settings kept in app_settings (today: whether anyone may sign up). */
import { eq, sql } from 'drizzle-orm';
import { tables } from '@/lib/db';
import type { AppContext } from './context';

export interface AppSettings {
  signupEnabled: boolean;
}

export async function getSettings(ctx: AppContext): Promise<AppSettings> {
  const [row] = await ctx.db.orm.select({ value: tables.appSettings.value }).from(tables.appSettings).where(eq(tables.appSettings.key, 'signup_enabled'));
  return { signupEnabled: row?.value === true };
}

export async function setSignupEnabled(ctx: AppContext, enabled: boolean): Promise<AppSettings> {
  await ctx.db.orm.insert(tables.appSettings)
    .values({ key: 'signup_enabled', value: enabled, updatedAt: ctx.now() })
    .onConflictDoUpdate({ target: tables.appSettings.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } });
  return getSettings(ctx);
}
