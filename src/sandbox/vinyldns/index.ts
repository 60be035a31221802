// The embedded VinylDNS simulator ("sandbox"): a loopback HTTP server that behaves like the real API's
// read side, quirks included (see shared/upstreams/vinyldns.md), over deterministic seed data.

// The simulator and its store
export { VinylDnsSimulator, type RequestFilter } from './server.js';
export { VinylStore } from './store.js';
export { Membership, type GroupUpdate } from './membership.js';
export type { GroupState, RequestLogEntry, SandboxGroup, SandboxUser, StoredGroupChange, VinylDnsSimulatorOptions } from './types.js';

// Well-known seed ids (zone ids do not depend on the seed)
export { OK_ZONE_ID } from './seed/fixtures-ok.js';
export { OLD_OK_ZONE_ID } from './seed/fixtures-old-ok.js';
export { STH_ZONE_ID } from './seed/fixtures-sth.js';
export { sandboxZoneId } from './seed/zones.js';
export { DELETED_GROUP, FORMER_USER_ID, GROUPS, USERS } from './seed/directory.js';

// Server-side SigV4 verification, usable to check a client's signer independently of aws4
export { canonicalPath, canonicalQuery, canonicalRequest, computeSignature, parseAuthorization, requestDateTime, verifySignature } from './sigv4.js';
