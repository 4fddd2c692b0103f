#!/usr/bin/env node
// Entry point of `npx pgcanvas`: loads the TypeScript CLI through tsx, which is a runtime dependency.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
