// Route table and dispatch: path match (404), method (405), then the handler, which validates its
// parameters before authenticating (§1 order of checks).
import type { Handler, RouteContext } from './context.js';
import { ReplyError, internalError, text, type Reply } from './http.js';
import { getBatchChange, listBatchChanges } from './routes-batch.js';
import { listDeletedZones } from './routes-deleted.js';
import { listFailedRecordSetChanges, listRecordSetChanges, recordSetHistory } from './routes-changes.js';
import { getGroup, getGroupChange, getUser, listGroupActivity, listGroupMembers } from './routes-membership.js';
import { getRecordSet, getRecordSetChange, listRecordSets } from './routes-records.js';
import { getZone, getZoneByName, listFailedZoneChanges, listZoneChanges, listZones } from './routes-zones.js';

interface Route {
  pattern: string[];
  /** The methods the real server accepts on this path (used in the 405 text). */
  methods: string[];
  /** The real route has no method directive (get zone by name). */
  anyMethod?: boolean;
  handler: Handler;
}

const ROUTES: Route[] = [
  { pattern: ['ping'], methods: ['GET'], handler: () => text(200, 'PONG') },
  { pattern: ['health'], methods: ['GET'], handler: () => text(200, 'OK') },
  // BatchChangeRouting comes before ZoneRouting on the server, so these win over /zones/{zoneId}.
  { pattern: ['zones', 'batchrecordchanges'], methods: ['GET', 'POST'], handler: listBatchChanges },
  { pattern: ['zones', 'batchrecordchanges', ':batchId'], methods: ['GET'], handler: getBatchChange },
  { pattern: ['zones'], methods: ['GET', 'POST'], handler: listZones },
  { pattern: ['zones', 'deleted', 'changes'], methods: ['GET'], handler: listDeletedZones },
  { pattern: ['zones', 'name', ':name'], methods: ['GET'], anyMethod: true, handler: getZoneByName },
  { pattern: ['zones', ':zoneId'], methods: ['GET', 'PUT', 'DELETE'], handler: getZone },
  { pattern: ['zones', ':zoneId', 'changes'], methods: ['GET'], handler: listZoneChanges },
  { pattern: ['zones', ':zoneId', 'recordsets'], methods: ['GET', 'POST'], handler: listRecordSets },
  { pattern: ['zones', ':zoneId', 'recordsets', ':recordSetId'], methods: ['GET', 'PUT', 'DELETE'], handler: getRecordSet },
  { pattern: ['zones', ':zoneId', 'recordsets', ':recordSetId', 'changes', ':changeId'], methods: ['GET'], handler: getRecordSetChange },
  { pattern: ['zones', ':zoneId', 'recordsetchanges'], methods: ['GET'], handler: listRecordSetChanges },
  { pattern: ['recordsetchange', 'history'], methods: ['GET'], handler: recordSetHistory },
  { pattern: ['metrics', 'health', 'zonechangesfailure'], methods: ['GET'], handler: listFailedZoneChanges },
  { pattern: ['metrics', 'health', 'zones', ':zoneId', 'recordsetchangesfailure'], methods: ['GET'], handler: listFailedRecordSetChanges },
  // MembershipRouting, in its own order: /groups/change/members lists the members of a group "change".
  { pattern: ['groups', ':groupId'], methods: ['GET', 'DELETE', 'PUT'], handler: getGroup },
  { pattern: ['groups', ':groupId', 'members'], methods: ['GET'], handler: listGroupMembers },
  { pattern: ['groups', ':groupId', 'activity'], methods: ['GET'], handler: listGroupActivity },
  { pattern: ['groups', 'change', ':changeId'], methods: ['GET'], handler: getGroupChange },
  { pattern: ['users', ':userId'], methods: ['GET'], handler: getUser },
];

function match(pattern: string[], segments: string[]): string[] | undefined {
  if (pattern.length !== segments.length) return undefined;
  const args: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      if (segments[i] === '') return undefined;
      args.push(segments[i]);
    } else if (pattern[i] !== segments[i]) {
      return undefined;
    }
  }
  return args;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Routes one request. `ctx` lacks args, which come from the matched pattern. */
export function dispatch(method: string, rawPath: string, ctx: Omit<RouteContext, 'args'>): Reply {
  const segments = rawPath.split('/').slice(1).map(decodeSegment);
  let matchedMethods: string[] | undefined;
  for (const route of ROUTES) {
    const args = match(route.pattern, segments);
    if (!args) continue;
    // HEAD is answered like GET (akka's transparent HEAD support); the sandbox serves reads only.
    const effective = method === 'HEAD' ? 'GET' : method;
    if (effective !== 'GET' && !route.anyMethod) {
      matchedMethods = route.methods.includes(effective) ? ['GET'] : route.methods;
      continue;
    }
    try {
      return route.handler({ ...ctx, args });
    } catch (err) {
      if (err instanceof ReplyError) return err.reply;
      return internalError();
    }
  }
  if (matchedMethods) return text(405, `HTTP method not allowed, supported methods: ${matchedMethods.join(', ')}`);
  return text(404, `The requested path [${rawPath}] does not exist.`);
}
