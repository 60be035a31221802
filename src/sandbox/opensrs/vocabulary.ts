// The words the seed data is made of: admins, applications and change messages in the style of
// the OpenSRS documentation ("changed <setting> [<new value>]", a byte count for long values).
// The wording of the byte-count form and the non-OMA application names are ours (undocumented).
import type { SeededRandom } from './rng.js';

/** The login OpenSRS shows for changes the system made itself. */
export const SYSTEM_USER = 'OpenSRS';

export const ADMINS = ['admin@example.adm', 'ops@example.adm', 'helpdesk@reseller.adm', 'jane.doe@example.adm', 'noc@reseller.adm'] as const;

/** Mostly the Mail Admin console; a few other tools. */
export const APPLICATIONS: ReadonlyArray<readonly [number, string]> = [
  [86, 'OMA'],
  [6, 'Webmail'],
  [5, 'API'],
  [3, 'Migration'],
];

type Template = (rng: SeededRandom, domain: string) => string;

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt_BR', 'ja'];
const TIMEZONES = ['UTC', 'America/Toronto', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles'];
const SPAM_LEVELS = ['Normal', 'High', 'Very High', 'Off'];
const PARTNERS = ['partner.example', 'vendor.example.org', 'billing.example.net', 'lists.example.com'];

const label = (domain: string) => domain.split('.')[0];

const bytes =
  (attribute: string, min: number, max: number): Template =>
  (rng) =>
    `changed ${attribute} [${rng.int(min, max)} bytes]`;

/** What admins change. Weighted so common settings dominate. */
export const ADMIN_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [10, (rng) => `changed language [${rng.pick(LANGUAGES)}]`],
  [8, (rng) => `changed timezone [${rng.pick(TIMEZONES)}]`],
  [10, (rng) => `changed spamlevel [${rng.pick(SPAM_LEVELS)}]`],
  [8, (rng, d) => `changed aliases [${Array.from({ length: rng.int(1, 3) }, (_, i) => `${label(d)}-alias${i + 1}.example`).join(',')}]`],
  [9, (rng, d) => `changed allow [*@${rng.pick(PARTNERS)},postmaster@${d}]`],
  [7, (rng) => `changed block [*@spam.example,*.invalid,promo${rng.int(1, 99)}@offers.example]`],
  [6, bytes('signature', 300, 4000)],
  [3, bytes('bulletin', 1024, 16384)],
  [3, () => 'changed spam_tag [[SPAM]]'],
  [3, (rng) => `changed spam_folder [${rng.pick(['Junk', 'Spam', 'Bulk Mail'])}]`],
  [4, (rng) => `changed quota [${rng.pick([1024, 2048, 5120, 10240, 25600])}]`],
  [4, (rng) => `changed max_users [${rng.int(5, 500)}]`],
  [3, (_rng, d) => `changed catchall [postmaster@${d}]`],
  [3, (rng) => `changed notes [ticket #${rng.int(1000, 99999)}\ncustomer asked for stricter filtering]`],
  [3, (rng) => `changed filterdelivery [${rng.pick(['quarantine', 'passthrough', 'tag'])}]`],
  [2, () => 'changed workgroups [staff,sales,support]'],
  [2, (rng) => `changed smtp_sent_limit [${rng.pick([250, 500, 1000])}]`],
  [2, (_rng, d) => `deleted aliases [old-${label(d)}.example]`],
  [2, (rng) => `changed brand [${rng.pick(['Acme Mail', 'Example Hosting, Inc.', 'Default'])}]`],
];

/** What the system changes on its own (user "OpenSRS"). */
export const SYSTEM_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [5, (rng) => `changed stats_status [${rng.pick(['enabled', 'disabled'])}]`],
  [4, (rng) => `changed filtermx [mx${rng.int(1, 4)}.filter.sandbox.example]`],
  [3, () => 'changed language [en]'],
  [3, (rng) => `changed dkim_selector [sel${rng.int(2021, 2026)}]`],
  [2, bytes('dkim_key', 392, 800)],
  [2, () => 'migrated to cluster b'],
];

const FORWARDS = ['jane@example.org', 'oncall@example.net', 'archive@example.com'];

/** What admins (and the mailbox's owner, through Webmail) change on a mailbox. */
export const USER_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [10, () => 'changed password'],
  [6, (rng) => `changed quota [${rng.pick([1024, 2048, 5120, 10240])}]`],
  [6, (rng) => `changed forward [${rng.pick(FORWARDS)}]`],
  [4, (rng) => `changed delivery_forward [${rng.pick(['true', 'false'])}]`],
  [5, bytes('autoresponder', 120, 2400)],
  [4, (rng) => `changed autoresponder_option_enabled [${rng.pick(['true', 'false'])}]`],
  [4, (rng, address) => `changed aliases [${address.split('@')[0]}.alias${rng.int(1, 9)}@${address.split('@')[1]}]`],
  [5, (rng) => `changed spamlevel [${rng.pick(SPAM_LEVELS)}]`],
  [3, (rng) => `changed language [${rng.pick(LANGUAGES)}]`],
  [3, (rng) => `changed timezone [${rng.pick(TIMEZONES)}]`],
  [3, (rng) => `changed title [${rng.pick(['Sales Manager', 'Engineer', 'Office, Front Desk', 'Director'])}]`],
  [2, bytes('signature', 200, 3000)],
  [2, (rng) => `changed status [${rng.pick(['active', 'suspended', 'quota'])}]`],
  [2, () => 'changed allow [*@partner.example]'],
];

export const USER_SYSTEM_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [4, (rng) => `changed status [${rng.pick(['quota', 'active'])}]`],
  [3, () => 'migrated to cluster b'],
  [2, () => 'changed password_expired [true]'],
  [2, (rng) => `changed last_login [${rng.int(1_600_000_000, 1_780_000_000)}]`],
];

/** What company admins change on the company itself. */
export const COMPANY_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [6, (rng) => `created domain [${rng.pick(['acme.io', 'mail.example.net', 'big.example.org', 'single.example', 'empty.example'])}]`],
  [5, (rng) => `changed max_domains [${rng.pick([50, 100, 250, 500])}]`],
  [5, (rng) => `changed spamlevel [${rng.pick(SPAM_LEVELS)}]`],
  [4, bytes('bulletin', 1024, 16384)],
  [4, (rng) => `changed brand [${rng.pick(['Acme Mail', 'Example Hosting, Inc.', 'Default'])}]`],
  [4, (rng) => `added admin [${rng.pick(['ops@example.adm', 'helpdesk@reseller.adm', 'jane.doe@example.adm'])}, company_read_only]`],
  [3, (rng) => `removed admin [${rng.pick(['old-admin@example.adm', 'contractor@example.adm'])}]`],
  [3, (rng) => `changed password_policy [min_length=${rng.int(8, 16)}]`],
  [2, () => 'changed two_factor [required]'],
  [2, (rng) => `changed notes [contract renewed until ${rng.int(2025, 2029)}]`],
];

export const COMPANY_SYSTEM_MESSAGES: ReadonlyArray<readonly [number, Template]> = [
  [3, () => 'migrated to cluster b'],
  [2, (rng) => `changed stats_status [${rng.pick(['enabled', 'disabled'])}]`],
];
