// `npm run schema:client`: writes schema.client.graphql. With `--check`, writes nothing and
// exits 1 when the committed file is not what schema.graphql gives (CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { CLIENT_SCHEMA_FILE, clientSchemaSDL } from '../src/schema/client-sdl.js';

const path = new URL(`../${CLIENT_SCHEMA_FILE}`, import.meta.url);
const sdl = clientSchemaSDL();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== sdl) {
    console.error(`${CLIENT_SCHEMA_FILE} is stale: run 'npm run schema:client' and commit the result`);
    process.exit(1);
  }
} else {
  writeFileSync(path, sdl);
  console.log(`wrote ${CLIENT_SCHEMA_FILE}`);
}
