/** drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations for lib/db/schema.ts into drizzle/. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
