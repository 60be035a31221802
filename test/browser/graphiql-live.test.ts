// GraphiQL runs a subscription against the sandbox: in headless Chromium, the "LiveChanges" tab
// runs over GraphQL over SSE and the result pane shows a change the sandbox lands meanwhile.
// Needs /usr/bin/chromium (`apt-get install -y chromium`); without it this test is skipped.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startLiveStack } from '../helpers/live-stack.js';
import type { Stack } from '../helpers/stack.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPING the GraphiQL subscription test: ${CHROMIUM} not found (apt-get install -y chromium)`);

const editorText = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

let stack: Stack | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;

afterAll(async () => {
  await context?.close();
  await stack?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('GraphiQL in headless Chromium', () => {
  it.skipIf(!hasChromium)(
    'runs the live changes tab and shows a change that lands',
    async () => {
      stack = await startLiveStack();
      userDataDir = mkdtempSync(join(tmpdir(), 'changegraph-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1400, height: 900 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${stack.url}/graphql`, { waitUntil: 'load', timeout: 45_000 });

      await page.locator('.graphiql-tab', { hasText: 'LiveChanges' }).click({ timeout: 30_000 });
      const queryEditor = page.locator('.graphiql-query-editor .view-lines');
      await expect.poll(async () => editorText(await queryEditor.textContent()), { timeout: 15_000 }).toContain('subscription LiveChanges');

      // GraphQL over SSE: the operation goes out with `Accept: text/event-stream`.
      const streamed = page.waitForRequest(
        (r) => (r.postData() ?? r.url()).includes('LiveChanges') && (r.headers().accept ?? '').includes('text/event-stream'),
        { timeout: 30_000 },
      );
      await page.locator('.graphiql-execute-button').click();
      await streamed;
      await expect.poll(() => stack!.gateway.live.stats(), { timeout: 15_000 }).toMatchObject({ subscriptions: 1, joining: 0 });

      stack.sandbox.activity.land('zone');
      const resultPane = page.locator('.graphiql-response .view-lines');
      await expect.poll(async () => editorText(await resultPane.textContent()), { timeout: 15_000 }).toContain('Sync zone example.com.');
    },
    90_000,
  );
});
