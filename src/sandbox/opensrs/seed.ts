// The seeded mail domains. example.com is written out by hand around the three changes of the
// documentation's example (indices 15–17 of 18); the others are generated from the seed. The
// counts never depend on the seed, only the contents do. Every log reaches into the months of
// the VinylDNS sandbox's history (its zones change until the end of March 2026), so a domain's
// merged timeline (`changes(domain:)`) shows DNS and mail changes side by side on its first page.
import { SeededRandom } from './rng.js';
import { OpenSrsStore, SANDBOX_COMPANY, type StoredChange } from './store.js';
import {
  ADMINS,
  ADMIN_MESSAGES,
  APPLICATIONS,
  COMPANY_MESSAGES,
  COMPANY_SYSTEM_MESSAGES,
  SYSTEM_MESSAGES,
  SYSTEM_USER,
  USER_MESSAGES,
  USER_SYSTEM_MESSAGES,
} from './vocabulary.js';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const change = (time: number, user: string, msg: string, application = 'OMA'): StoredChange => ({ time, application, user, msg });

/**
 * How far example.com's log is moved from the documentation's 2010–2011: 5211 whole days, which
 * puts its last change on 2026-03-20 among the VinylDNS changes of example.com, and keeps every
 * time of day, gap and same-second burst as it was.
 */
export const EXAMPLE_COM_SHIFT_S = 5211 * 86_400;

/**
 * example.com: 18 changes. The last three are the documentation's example response (its
 * messages and its times moved by EXAMPLE_COM_SHIFT_S; its obfuscated admin addresses replaced by
 * ours), so `range {first: 15, limit: 5}` answers that example.
 */
function exampleCom(): StoredChange[] {
  return exampleComAsDocumented().map((c) => ({ ...c, time: c.time + EXAMPLE_COM_SHIFT_S }));
}

function exampleComAsDocumented(): StoredChange[] {
  const A = ADMINS[0];
  const O = ADMINS[1];
  const t = at('2011-06-08T14:05:31Z');
  return [
    change(at('2010-12-03T09:41:45Z'), A, 'created domain'),
    change(at('2010-12-03T09:41:45Z'), SYSTEM_USER, 'changed stats_status [enabled]'),
    change(at('2010-12-03T09:43:02Z'), A, 'changed timezone [America/Toronto]'),
    change(at('2011-01-17T16:20:00Z'), O, 'changed spamlevel [High]'),
    change(at('2011-02-02T11:02:13Z'), A, 'changed aliases [example.net,example.org]'),
    change(at('2011-03-14T08:59:26Z'), O, 'changed signature [1532 bytes]', 'Webmail'),
    change(at('2011-04-01T00:00:00Z'), SYSTEM_USER, 'changed filtermx [mx1.filter.sandbox.example]'),
    change(at('2011-05-19T13:37:00Z'), A, 'changed block [*@spam.example,*.invalid]'),
    change(at('2011-05-19T13:37:42Z'), A, 'changed spam_tag [[SPAM]]'),
    change(t, O, 'changed quota [5120]'),
    change(t, O, 'changed max_users [250]'),
    change(t, O, 'changed catchall [postmaster@example.com]'),
    change(at('2011-08-22T10:15:09Z'), A, 'changed notes [moved from legacy host\nsee ticket #4411]', 'API'),
    change(at('2011-10-05T17:45:00Z'), A, 'changed bulletin [2048 bytes]'),
    change(at('2011-11-21T18:40:00Z'), SYSTEM_USER, 'migrated to cluster b', 'Migration'),
    // The documentation's example (contract S1; seeds/004).
    change(1321901972, SYSTEM_USER, 'changed language [en]'),
    change(1323812345, A, 'changed aliases [schmemoco.com]'),
    change(1323814260, A, 'changed allow\n[*@example.com,friend@example.org]'),
  ];
}

interface GeneratedDomain {
  name: string;
  count: number;
  from: string;
  to: string;
  company?: string;
}

/**
 * Generated logs. mail.example.net is exactly one 25-item page; the names match VinylDNS sandbox
 * zones, and the logs end where those zones' histories do.
 */
const GENERATED: GeneratedDomain[] = [
  { name: 'acme.io', count: 312, from: '2021-02-03T10:00:00Z', to: '2026-03-27T18:00:00Z' },
  { name: 'mail.example.net', count: 25, from: '2022-05-10T08:00:00Z', to: '2025-11-28T16:00:00Z' },
  { name: 'big.example.org', count: 407, from: '2021-01-04T07:30:00Z', to: '2026-03-30T12:00:00Z' },
  { name: 'empty.example', count: 0, from: '2024-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
  { name: 'single.example', count: 1, from: '2023-07-14T12:34:56Z', to: '2023-07-14T12:34:56Z' },
  { name: 'other-company.com', count: 6, from: '2022-03-01T09:00:00Z', to: '2024-08-31T17:00:00Z', company: 'other-company' },
];

type Templates = typeof ADMIN_MESSAGES;

/** The words of one kind of log: its first entry, what admins and the system write, and who else acts. */
export interface LogVocabulary {
  created: string;
  admin: Templates;
  system: Templates;
  /** Extra actors besides the admins (a mailbox's own owner, through Webmail). */
  actors?: string[];
}

const DOMAIN_VOCABULARY: LogVocabulary = { created: 'created domain', admin: ADMIN_MESSAGES, system: SYSTEM_MESSAGES };

/** `count` changes between two instants, non-decreasing, with some bursts in the same second. */
export function generateChanges(
  rng: SeededRandom,
  domain: string,
  count: number,
  from: number,
  to: number,
  vocabulary: LogVocabulary = DOMAIN_VOCABULARY,
): StoredChange[] {
  // Each step after the first is the same second (a burst), a quick follow-up of 1–5 s, or a
  // random share of the remaining span.
  const steps = Array.from({ length: count }, (_, i): { fixed: number } | { share: number } => {
    if (i === 0 || rng.chance(0.12)) return { fixed: 0 };
    if (rng.chance(0.1)) return { fixed: rng.int(1, 5) };
    return { share: -Math.log(1 - rng.next()) };
  });
  const fixedTotal = steps.reduce((sum, s) => sum + ('fixed' in s ? s.fixed : 0), 0);
  const shareTotal = steps.reduce((sum, s) => sum + ('share' in s ? s.share : 0), 0);
  const scale = shareTotal > 0 ? Math.max(0, to - from - fixedTotal) / shareTotal : 0;
  const admins = [...ADMINS.slice(0, 2 + (domain.length % 3)), ...(vocabulary.actors ?? [])];
  let elapsed = 0;
  return steps.map((step, i) => {
    elapsed += 'fixed' in step ? step.fixed : step.share * scale;
    const time = from + Math.min(to - from, Math.floor(elapsed));
    if (i === 0) return change(time, admins[0], vocabulary.created);
    if (rng.chance(0.15)) return change(time, SYSTEM_USER, rng.weighted(vocabulary.system)(rng, domain));
    return change(time, rng.pick(admins), rng.weighted(vocabulary.admin)(rng, domain), rng.weighted(APPLICATIONS));
  });
}

interface GeneratedLog {
  name: string;
  count: number;
  from: string;
  to: string;
  company?: string;
}

/**
 * Mailboxes (get_user_changes): postmaster@big.example.org is long enough to page by 100; the one of
 * mail.example.net is exactly one 25-item page; one is empty, one has a single change, one belongs to
 * another company (error 9).
 */
const MAILBOXES: GeneratedLog[] = [
  { name: 'jane.doe@example.com', count: 42, from: '2011-01-20T09:00:00Z', to: '2024-06-30T17:00:00Z' },
  { name: 'postmaster@big.example.org', count: 261, from: '2021-01-05T08:00:00Z', to: '2026-03-15T18:00:00Z' },
  { name: 'sales@acme.io', count: 118, from: '2021-02-04T10:00:00Z', to: '2026-02-27T12:00:00Z' },
  { name: 'info@mail.example.net', count: 25, from: '2022-05-11T08:00:00Z', to: '2025-11-20T16:00:00Z' },
  { name: 'new.hire@single.example', count: 1, from: '2023-07-15T09:00:00Z', to: '2023-07-15T09:00:00Z' },
  { name: 'nobody@empty.example', count: 0, from: '2024-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
  { name: 'ceo@other-company.com', count: 5, from: '2022-03-02T09:00:00Z', to: '2024-08-30T17:00:00Z', company: 'other-company' },
];

/** Companies (get_company_changes): the sandbox's own company, and another one its admin may not read. */
const COMPANIES: GeneratedLog[] = [
  { name: SANDBOX_COMPANY, count: 153, from: '2010-11-30T15:00:00Z', to: '2026-03-20T10:00:00Z' },
  { name: 'other-company', count: 8, from: '2022-02-28T09:00:00Z', to: '2024-09-01T09:00:00Z' },
];

function seedMailboxes(store: OpenSrsStore, seed: number): void {
  for (const m of MAILBOXES) {
    store.addMailbox(m.name, m.company ?? SANDBOX_COMPANY);
    const vocabulary: LogVocabulary = { created: 'created user', admin: USER_MESSAGES, system: USER_SYSTEM_MESSAGES, actors: [m.name] };
    const rng = new SeededRandom(seed, `user:${m.name}`);
    for (const c of generateChanges(rng, m.name, m.count, at(m.from), at(m.to), vocabulary)) store.appendUserChange(m.name, c);
  }
}

function seedCompanies(store: OpenSrsStore, seed: number): void {
  for (const c of COMPANIES) {
    store.addCompany(c.name);
    const vocabulary: LogVocabulary = { created: 'created company', admin: COMPANY_MESSAGES, system: COMPANY_SYSTEM_MESSAGES };
    const rng = new SeededRandom(seed, `company:${c.name}`);
    for (const change of generateChanges(rng, c.name, c.count, at(c.from), at(c.to), vocabulary)) store.appendCompanyChange(c.name, change);
  }
}

export function seededStore(seed: number): OpenSrsStore {
  const store = new OpenSrsStore();
  store.addDomain('example.com');
  for (const c of exampleCom()) store.appendChange('example.com', c);
  for (const d of GENERATED) {
    store.addDomain(d.name, d.company ?? SANDBOX_COMPANY);
    const rng = new SeededRandom(seed, d.name);
    for (const c of generateChanges(rng, d.name, d.count, at(d.from), at(d.to))) store.appendChange(d.name, c);
  }
  seedMailboxes(store, seed);
  seedCompanies(store, seed);
  return store;
}
