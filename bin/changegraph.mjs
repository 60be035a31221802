#!/usr/bin/env node
// The `changegraph` command. In a checkout it runs the TypeScript source through tsx (a
// dependency, as for `npm start`); in a build without the source, the compiled dist/cli/main.js
// under plain node (`npm run build` first).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('changegraph: neither src/cli/main.ts nor dist/cli/main.js is there: run npm run build\n');
  process.exitCode = 1;
}
