#!/usr/bin/env node
// Entry point of `npx pgcanvas`: loads the TypeScript CLI through tsx, which is a runtime dependency.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`pgcanvas sql m.json | head`, psql failing on a statement) closes the pipe:
// the output is no longer wanted, which is not an error to report with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
