// Where a sandbox simulator listens, for the URL it hands back.
import type { AddressInfo, Server } from 'node:net';

/** The TCP address of a listening server (the simulators listen on a port, never on a pipe). */
export function tcpAddress(server: Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the simulator is not listening on a TCP port');
  return address;
}
