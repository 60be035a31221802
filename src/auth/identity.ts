// Who a request reads upstream as: the VinylDNS keys its calls are signed with (forwarded or the
// gateway's own) and the OpenSRS credentials its calls carry. Two requests with the same identity
// see the same upstream data, so a live poller serves them both. Secrets are part of it (a wrong
// secret must never join a right one's poller); the value is only ever hashed (src/live/).

interface Credentials {
  /** The request's VinylDNS keys; throws when it has none usable. */
  vinyldns?: () => { accessKey: string; secretKey: string };
  /** The request's OpenSRS credentials; throws when it has none usable. */
  opensrs?: () => { user: string; password?: string; token?: string };
}

export function upstreamIdentity({ vinyldns, opensrs }: Credentials): string {
  const part = (name: string, read: () => string[]) => {
    try {
      return [name, ...read()].join('\n');
    } catch {
      // No usable credentials: every such caller gets the same (failing) answers.
      return `${name}\n-`;
    }
  };
  const parts: string[] = [];
  if (vinyldns) {
    parts.push(
      part('vinyldns', () => {
        const { accessKey, secretKey } = vinyldns();
        return [accessKey, secretKey];
      }),
    );
  }
  if (opensrs) {
    parts.push(
      part('opensrs', () => {
        const { user, password, token } = opensrs();
        return [user, password ?? '', token ?? ''];
      }),
    );
  }
  return parts.join('\n');
}
