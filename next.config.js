/** @type {import('next').NextConfig} */
const nextConfig = {
  // WASM packages must stay outside the server bundle (see docs/architecture.md and STACK.md).
  serverExternalPackages: ['libpg-query', 'pgsql-parser', 'pgsql-deparser', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'argon2', 'pg'],
  // Separate build folders let two builds (e.g. tests and a developer's) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
};

export default nextConfig;
