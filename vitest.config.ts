// vitest settings.
// - `graphql` resolves to its CommonJS build, as Node resolves it in production: vite would hand
//   our sources graphql's ES module build while @apollo/subgraph and yoga load the CommonJS one,
//   and graphql-js refuses schema objects from the other copy ("from another module or realm").
// - test/reporters/skipped.ts lists every skipped test with its reason at the end of the run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    reporters: ['default', './test/reporters/skipped.ts'],
  },
});
