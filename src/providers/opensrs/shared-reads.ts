// What requests made with the same OpenSRS credentials share: identical reads in flight (one
// upstream call serves them all), like src/providers/vinyldns/shared-reads.ts. Keyed by the
// credentials (the secret only as a hash), so nothing crosses from one identity to another.
import { createHash } from 'node:crypto';
import type { ChangesPage } from './parse.js';

/** Change-log reads in flight, by request key (method, name and range). */
export type ReadsInFlight = Map<string, Promise<ChangesPage | null>>;

export interface OpenSrsIdentity {
  user: string;
  password?: string;
  token?: string;
}

export class OpenSrsSharedReads {
  private readonly identities = new Map<string, ReadsInFlight>();

  /** `maxIdentities` bounds memory when many identities call (credential forwarding). */
  constructor(private readonly maxIdentities = 1000) {}

  /** The reads in flight of this identity, by request key. */
  for(credentials: OpenSrsIdentity): ReadsInFlight {
    const secret = credentials.token !== undefined ? `token\n${credentials.token}` : `password\n${credentials.password ?? ''}`;
    const key = `${credentials.user}\n${createHash('sha256').update(secret).digest('base64url')}`;
    let reads = this.identities.get(key);
    if (!reads) {
      if (this.identities.size >= this.maxIdentities) this.identities.delete(this.identities.keys().next().value!);
      reads = new Map();
      this.identities.set(key, reads);
    }
    return reads;
  }
}
