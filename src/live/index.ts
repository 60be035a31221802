// Live changes (Subscription.changes): one poller per (identity, domain, filters), shared by all
// its subscribers on every replica, started with the first and stopped with the last.
//
// Live subscriptions
export { LiveChanges, type LiveArgs, type LiveCaller, type LiveOptions } from './service.js';
export type { LiveEvent, LiveEdge } from './types.js';
export type { LiveUpstreams } from './lanes.js';
// Settings
export { DEFAULT_LIVE, liveConfig, type LiveConfig } from './config.js';
// Transport
export { attachWebSocket, type WebSocketOptions } from './websocket.js';
