// Keys of live pollers: who reads (the upstream identity) and what (domain and filters), hashed
// with the gateway's secret, so a key names no identity, holds no secret, and cannot be guessed
// from outside; the same on every replica that shares the secret.
import { createHmac } from 'node:crypto';
import { stableJson } from '../pagination/cursor.js';

export const keyHash = (secret: string, value: unknown): string =>
  createHmac('sha256', secret).update('changegraph-live\n').update(stableJson(value)).digest('base64url');
