// Authentication of a request (§2.1, §2.6): header → user, with the server's statuses and texts.
import type { SandboxUser } from './types.js';
import type { VinylStore } from './store.js';
import { ReplyError, internalError, text } from './http.js';
import { parseAuthorization, requestDateTime, verifySignature, type SignableRequest } from './sigv4.js';

const failed = (status: number, reason: string) => new ReplyError(text(status, `Authentication Failed: ${reason}`));

/** Returns the signed-in user or throws ReplyError (401 / 403 locked / 500 missing date). */
export function authenticate(store: VinylStore, req: SignableRequest): SandboxUser {
  const header = req.headers['authorization'];
  if (header === undefined) throw failed(401, 'Authorization header not found');
  const auth = parseAuthorization(header);
  if (!auth) throw failed(401, 'Authorization header could not be parsed');
  if (auth.accessKey === '') throw failed(401, 'accessKey not found');
  const user = store.userByAccessKey(auth.accessKey);
  if (!user) throw failed(401, `Account with accessKey ${auth.accessKey} specified was not found`);
  if (user.locked) throw failed(403, `Account with username ${user.userName} is locked`);
  // The real server calls .get on the parsed date: no usable date header is an unhandled exception.
  const dateTime = requestDateTime(req.headers);
  if (dateTime === undefined) throw new ReplyError(internalError());
  if (!verifySignature(req, auth, user.secretKey, dateTime)) throw failed(401, 'Request signature could not be validated');
  return user;
}
