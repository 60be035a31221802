// GET /export/changes over real HTTP against the sandbox (quirks on): a long merged history
// exported as CSV and as NDJSON equals a full walk of Query.changes (same changes, same order,
// same cursors, none twice); a cut connection resumes from the last complete row with exactly the
// rest; a provider failing mid-stream ends the stream the documented way; bad input and a provider
// down at the start are HTTP errors with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { csvRecords, csvRows, exportPath, ndjsonLines, ndjsonRows, rawGet, seedHistory, unpaced, walkChanges, type Row } from './helpers.js';

const DOMAIN = 'long-history.example';
const COUNT = 3000;

let stack: Stack;
let walked: Row[];
let seeded: ReturnType<typeof seedHistory>;
beforeAll(async () => {
  stack = await startStack({ config: unpaced });
  seeded = seedHistory(stack, DOMAIN, COUNT);
  walked = await walkChanges(stack, { domain: DOMAIN });
}, 60_000);
afterAll(() => stack.close());

const get = (params: Record<string, string | undefined>, onChunk?: (body: string) => 'cut' | void) => rawGet(`${stack.url}${exportPath(params)}`, {}, onChunk);

describe('a whole history', () => {
  it('Query.changes walks all of it once (the reference the exports are held to)', () => {
    expect(walked).toHaveLength(COUNT);
    expect(new Set(walked.map((r) => r.id)).size).toBe(COUNT);
    expect(new Set(walked.map((r) => r.provider))).toEqual(new Set(['VINYLDNS', 'OPENSRS']));
  });

  it('as NDJSON: every change of Query.changes, in its order, with its cursor, once', async () => {
    const res = await get({ domain: DOMAIN, format: 'ndjson' });
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${DOMAIN}.ndjson"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(ndjsonRows(res.body)).toEqual(walked);
    // The provider's own fields ride along under `fields`.
    const lines = ndjsonLines(res.body);
    const rsChange = lines.find((l) => l.type === 'RecordSetChange');
    expect(rsChange.fields).toMatchObject({
      id: expect.any(String),
      changeType: 'Create',
      recordSet: { type: 'A', records: [expect.any(Object)] },
      zone: { name: `${DOMAIN}.` },
    });
    const domainChange = lines.find((l) => l.type === 'DomainChange');
    expect(domainChange.fields).toMatchObject({
      domain: DOMAIN,
      application: 'OMA',
      msg: expect.stringMatching(/^changed quota \[\d+\]/),
      position: expect.any(Number),
    });
  });

  it('as CSV: the documented columns, RFC 4180 quoting, every change in order with its cursor last', async () => {
    const res = await get({ domain: DOMAIN, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${DOMAIN}.csv"`);
    const header = res.body.slice(0, res.body.indexOf('\r\n')).split(',');
    expect(header[0]).toBe('type');
    expect(header.at(-1)).toBe('cursor');
    expect(csvRows(res.body)).toEqual(walked);
    const records = csvRecords(res.body);
    // Messages with a quote, a comma or a bare line break are quoted, and survive the round trip.
    expect(res.body).toMatch(/,"changed quota \[\d+\]\nby ticket",/);
    expect(res.body).toMatch(/,"changed quota \[\d+\], ""note"", a\nb",/);
    const messages = records.filter((r) => r.type === 'DomainChange').map((r) => r.message);
    expect(messages.some((m) => /^changed quota \[\d+\], "note", a\nb$/.test(m))).toBe(true);
    expect(messages.some((m) => /^changed quota \[\d+\]\nby ticket$/.test(m))).toBe(true);
    const rs = records.find((r) => r.type === 'RecordSetChange')!;
    expect(rs).toMatchObject({
      change_type: 'Create',
      status: 'Complete',
      record_type: 'A',
      zone_name: `${DOMAIN}.`,
      records: expect.stringMatching(/^192\.0\.2\.\d+$/),
    });
    expect(rs.record_name).toMatch(new RegExp(`^drift-\\d+\\.${DOMAIN.replace(/\./g, '\\.')}\\.$`));
  });

  it('with the feed filters: what Query.changes gives for the same filters, cursors included', async () => {
    const since = new Date((seeded.first + (seeded.last - seeded.first) / 3) * 1000).toISOString();
    const until = new Date((seeded.first + ((seeded.last - seeded.first) * 2) / 3) * 1000).toISOString();
    const filters = { since, until, actor: 'Bob' };
    const expected = await walkChanges(stack, { domain: DOMAIN, ...filters });
    expect(expected.length).toBeGreaterThan(100);
    const ndjson = await get({ domain: DOMAIN, format: 'ndjson', ...filters });
    expect(ndjsonRows(ndjson.body)).toEqual(expected);
    const onlyOpenSrs = await walkChanges(stack, { domain: DOMAIN, providers: ['OPENSRS'] });
    const csv = await get({ domain: DOMAIN, format: 'csv', providers: 'OPENSRS' });
    expect(csvRows(csv.body)).toEqual(onlyOpenSrs);
  });

  it('from a Query.changes cursor: the rest of the walk', async () => {
    const res = await get({ domain: DOMAIN, format: 'ndjson', after: walked[1234].cursor });
    expect(ndjsonRows(res.body)).toEqual(walked.slice(1235));
  });
});

describe('interrupted exports', () => {
  it('a connection cut mid-export resumes from the last complete row with exactly the rest (CSV)', async () => {
    const cut = await get({ domain: DOMAIN, format: 'csv' }, (body) => (body.length > 300_000 ? 'cut' : undefined));
    expect(cut.complete).toBe(false);
    // Keep the complete records only: the cut may fall anywhere, even inside a quoted field.
    const complete = cut.body.slice(0, lastRecordEnd(cut.body));
    const before = csvRows(complete);
    expect(before.length).toBeGreaterThan(100);
    expect(before.length).toBeLessThan(COUNT);
    const rest = await get({ domain: DOMAIN, format: 'csv', after: before.at(-1)!.cursor });
    expect([...before, ...csvRows(rest.body)]).toEqual(walked);
  });

  it('a connection cut mid-export resumes from the last complete line with exactly the rest (NDJSON)', async () => {
    const cut = await get({ domain: DOMAIN, format: 'ndjson' }, (body) => (body.length > 500_000 ? 'cut' : undefined));
    const before = ndjsonRows(cut.body.slice(0, cut.body.lastIndexOf('\n') + 1));
    expect(before.length).toBeGreaterThan(100);
    const rest = await get({ domain: DOMAIN, format: 'ndjson', after: before.at(-1)!.cursor });
    expect([...before, ...ndjsonRows(rest.body)]).toEqual(walked);
  });

  it('NDJSON: a provider failing mid-stream ends the stream with an error line (code, provider, cursor to resume from)', async () => {
    let armed = false;
    const res = await get({ domain: DOMAIN, format: 'ndjson' }, () => {
      // OpenSRS starts failing once the first bytes are out (each call, its retries too).
      if (!armed) stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 1000);
      armed = true;
    });
    stack.sandbox.opensrs.clearFaults();
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    const lines = ndjsonLines(res.body);
    const last = lines.at(-1);
    expect(last).toEqual({ error: { code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS', message: expect.any(String) }, after: lines.at(-2).cursor });
    const written = ndjsonRows(res.body).slice(0, -1);
    expect(written.length).toBeGreaterThan(0);
    expect(written).toEqual(walked.slice(0, written.length));
    const rest = await get({ domain: DOMAIN, format: 'ndjson', after: last.after });
    expect([...written, ...ndjsonRows(rest.body)]).toEqual(walked);
  });

  it('CSV: a provider failing mid-stream aborts the transfer after a complete row; its cursor resumes', async () => {
    let armed = false;
    const res = await get({ domain: DOMAIN, format: 'csv' }, () => {
      if (!armed) stack.sandbox.vinyldns.failNext({ httpStatus: 500 }, 1000, `/zones/`);
      armed = true;
    });
    stack.sandbox.vinyldns.clearFaults();
    expect(res.status).toBe(200);
    // Not the chunked encoding's proper end: every HTTP client sees an incomplete transfer.
    expect(res.complete).toBe(false);
    expect(res.body.endsWith('\r\n')).toBe(true);
    const written = csvRows(res.body);
    expect(written.length).toBeGreaterThan(0);
    expect(written).toEqual(walked.slice(0, written.length));
    const rest = await get({ domain: DOMAIN, format: 'csv', after: written.at(-1)!.cursor });
    expect([...written, ...csvRows(rest.body)]).toEqual(walked);
  });
});

describe('refusals: an HTTP error with a code, before any byte', () => {
  const errorOf = (body: string) => JSON.parse(body).errors[0];

  it.each([
    [{ format: 'csv' }, 'domain'],
    [{ domain: DOMAIN }, 'format'],
    [{ domain: DOMAIN, format: 'xml' }, 'format'],
    [{ domain: DOMAIN, format: 'csv', provider: 'OPENSRS' }, 'provider'],
    [{ domain: DOMAIN, format: 'csv', providers: 'DNS' }, 'providers'],
    [{ domain: DOMAIN, format: 'csv', since: 'yesterday' }, 'since'],
    [{ domain: DOMAIN, format: 'csv', after: 'not-a-cursor' }, 'after'],
    [{ domain: 'a b', format: 'csv' }, 'domain'],
  ])('%j is BAD_USER_INPUT naming %s', async (params, argument) => {
    const res = await get(params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(res.body).extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  });

  it('a cursor of other filters is refused, not silently restarted', async () => {
    const res = await get({ domain: DOMAIN, format: 'csv', providers: 'VINYLDNS', after: walked[10].cursor });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/other arguments/);
  });

  it('a provider down at the start: 503 UPSTREAM_UNAVAILABLE naming it', async () => {
    stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 1000);
    const res = await get({ domain: DOMAIN, format: 'ndjson' });
    stack.sandbox.opensrs.clearFaults();
    expect(res.status).toBe(503);
    expect(errorOf(res.body).extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS' });
  });

  it('other methods than GET are refused', async () => {
    const res = await fetch(`${stack.url}${exportPath({ domain: DOMAIN, format: 'csv' })}`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('a gateway without OpenSRS', () => {
  let vinylOnly: Stack;
  beforeAll(async () => {
    vinylOnly = await startStack({ config: (c) => ({ ...unpaced(c), opensrs: undefined }) });
  });
  afterAll(() => vinylOnly.close());

  it('refuses an export of both providers with PROVIDER_NOT_CONFIGURED, and exports VinylDNS alone', async () => {
    const refused = await rawGet(`${vinylOnly.url}${exportPath({ domain: 'example.com', format: 'csv' })}`);
    expect(refused.status).toBe(501);
    expect(JSON.parse(refused.body).errors[0].extensions).toEqual({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'OPENSRS' });
    const ok = await rawGet(`${vinylOnly.url}${exportPath({ domain: 'example.com', format: 'csv', providers: 'VINYLDNS' })}`);
    expect(ok.status).toBe(200);
    expect(csvRows(ok.body)).toEqual(await walkChanges(vinylOnly, { domain: 'example.com', providers: ['VINYLDNS'] }));
  });
});

describe('Domain.exportUrl and Zone.exportUrl', () => {
  it('give the endpoint URL for the domain and the filters, on the gateway the query came to', async () => {
    const since = new Date(seeded.first * 1000 + 3_600_000).toISOString().replace('.000Z', 'Z');
    const res = await stack.gql(`{
      domain(name: "${DOMAIN}") { exportUrl(format: CSV, providers: [OPENSRS], since: "${since}") }
      zone(name: "${DOMAIN}") { exportUrl(format: NDJSON, actor: "carol") }
    }`);
    expect(res.errors).toBeUndefined();
    const domainUrl = res.data.domain.exportUrl;
    expect(domainUrl).toBe(`${stack.url}/export/changes?domain=${DOMAIN}&format=csv&providers=OPENSRS&since=${encodeURIComponent(since)}`);
    expect(res.data.zone.exportUrl).toBe(`${stack.url}/export/changes?domain=${DOMAIN}&format=ndjson&actor=carol`);
    const csv = await rawGet(domainUrl);
    expect(csvRows(csv.body)).toEqual(await walkChanges(stack, { domain: DOMAIN, providers: ['OPENSRS'], since }));
    const ndjson = await rawGet(res.data.zone.exportUrl);
    const carols = await walkChanges(stack, { domain: DOMAIN, actor: 'carol' });
    expect(carols.map((r) => r.id)).toEqual(walked.filter((r) => r.actor === 'carol').map((r) => r.id));
    expect(ndjsonRows(ndjson.body)).toEqual(carols);
  });
});

describe('metrics', () => {
  it('counts exports by outcome, and the rows and bytes written', async () => {
    const scrape = async () => (await fetch(`${stack.url}/metrics`)).text();
    const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    const before = await scrape();
    const res = await get({ domain: DOMAIN, format: 'csv', providers: 'OPENSRS' });
    const after = await scrape();
    const rows = csvRows(res.body).length;
    expect(
      value(after, 'changegraph_exports_total{format="csv",outcome="complete"}') - value(before, 'changegraph_exports_total{format="csv",outcome="complete"}'),
    ).toBe(1);
    expect(value(after, 'changegraph_export_rows_total{format="csv"}') - value(before, 'changegraph_export_rows_total{format="csv"}')).toBe(rows);
    expect(value(after, 'changegraph_export_bytes_total{format="csv"}') - value(before, 'changegraph_export_bytes_total{format="csv"}')).toBe(
      Buffer.byteLength(res.body),
    );
    expect(value(after, 'changegraph_exports_active')).toBe(0);
  });
});

/** Where the last complete CSV record ends: after a CRLF outside quotes. */
function lastRecordEnd(text: string): number {
  let quoted = false;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n' && text[i - 1] === '\r') end = i + 1;
  }
  return end;
}
