// GraphiQL in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core)
// opens /graphql on the gateway, finds the example query and its paging variables prefilled, runs
// it, and shows data the gateway read from the sandbox. Every request the page makes must go to
// loopback: GraphiQL's assets are inlined into the page (no CDN), which is what makes it work
// offline. A screenshot is saved to test-output/graphiql.png. It logs how long the page takes
// until the editor shows the example, and the page's bytes on the wire (it comes compressed).
//
// Needs /usr/bin/chromium (`apt-get install -y chromium`); without it only this test is skipped.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VARIABLES } from '../../src/schema/graphiql.js';
import { CHROMIUM } from '../helpers/requires.js';
import { startStack, type Stack } from '../helpers/stack.js';

const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));
const SCREENSHOT = join(OUTPUT_DIR, 'graphiql.png');

/** True for URLs that stay on this machine: loopback hosts, and data:/blob: URLs of a loopback page. */
function isLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'about:') return true;
  if (parsed.protocol === 'blob:') return isLoopback(url.slice('blob:'.length));
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

/** The visible text of a Monaco editor, with its non-breaking spaces as spaces. */
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
  it('opens offline with the example prefilled, runs it and shows sandbox data', async (test) => {
    test.skip(!CHROMIUM.available, CHROMIUM.reason);
    stack = await startStack();
    userDataDir = mkdtempSync(join(tmpdir(), 'changegraph-chromium-'));
    // playwright passes the profile directory on as --user-data-dir.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
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
    const requested: string[] = [];
    const failed: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    context.on('requestfailed', (r) => failed.push(`${r.url().slice(0, 120)}: ${r.failure()?.errorText ?? '?'}`));
    const page = context.pages()[0] ?? (await context.newPage());

    const started = performance.now();
    const response = await page.goto(`${stack.url}/graphql`, { waitUntil: 'load', timeout: 45_000 });
    const loaded = performance.now();
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/text\/html/);
    // Chromium accepts brotli; the 9 MB page must not travel uncompressed.
    expect(response?.headers()['content-encoding']).toBe('br');
    const wire = (await response!.request().sizes()).responseBodySize;

    // The example query and its paging variables are prefilled.
    const queryEditor = page.locator('.graphiql-query-editor .view-lines');
    await expect.poll(async () => editorText(await queryEditor.textContent()), { timeout: 30_000 }).toContain('query ZoneHistory');
    const usable = performance.now();
    console.log(
      `GraphiQL load: ${Math.round(loaded - started)} ms to the load event, ${Math.round(usable - started)} ms until the editor shows the example; ` +
        `page ${wire.toLocaleString('en')} bytes on the wire (${response?.headers()['content-encoding']})`,
    );
    expect(editorText(await queryEditor.textContent())).toContain('recordSetChanges(first: $first, after: $after)');
    const variablesEditor = page.locator('.graphiql-editor-tool .graphiql-editor').first().locator('.view-lines');
    await expect
      .poll(async () => editorText(await variablesEditor.textContent()).replace(/\s+/g, ''), {
        timeout: 10_000,
        message: 'the Variables pane should show the example variables (GraphiQL 5 needs `variables` in the graphiql options, see src/schema/graphiql.ts)',
      })
      .toBe(EXAMPLE_VARIABLES.replace(/\s+/g, ''));

    // Run it.
    stack.sandbox.vinyldns.clearLog();
    const executed = page.waitForResponse(
      (r) => r.url().startsWith(stack!.url) && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('ZoneHistory'),
      {
        timeout: 30_000,
      },
    );
    await page.locator('.graphiql-execute-button').click();
    const result = await executed;
    const sent = JSON.parse(result.request().postData()!) as { variables: unknown };
    expect(sent.variables).toEqual(JSON.parse(EXAMPLE_VARIABLES));
    const body = (await result.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const zoneNames = stack.sandbox.vinyldns.store.zones().map((z) => z.name);
    expect(body.data.zones.nodes.length).toBe(5);
    for (const z of body.data.zones.nodes) expect(zoneNames).toContain(z.name);
    expect(body.data.zone.name).toBe('example.com.');
    expect(body.data.zone.recordSetChanges.edges).toHaveLength(5);
    expect(body.data.zone.recordSetChanges.pageInfo).toMatchObject({ hasNextPage: true, endCursor: expect.any(String) });
    expect(stack.sandbox.vinyldns.log.length).toBeGreaterThan(0);

    // The result pane shows it.
    const resultPane = page.locator('.graphiql-response .view-lines');
    await expect.poll(async () => editorText(await resultPane.textContent()), { timeout: 15_000 }).toContain(`"name": "${body.data.zones.nodes[0].name}"`);
    expect(editorText(await resultPane.textContent())).toContain('"hasNextPage": true');

    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`GraphiQL screenshot: ${SCREENSHOT} (${requested.length} requests, all loopback)`);

    // Zero requests left this machine (GraphiQL's assets are inlined; no CDN, no fonts).
    const external = requested.filter((url) => !isLoopback(url));
    expect(external, `non-loopback requests: ${external.join(', ')}`).toEqual([]);
    expect(failed, `failed requests: ${failed.join('; ')}`).toEqual([]);
  }, 60_000);
});
