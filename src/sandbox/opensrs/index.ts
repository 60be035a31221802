// The OpenSRS Email API simulator of the embedded sandbox.
export { OpenSrsSimulator, type OpenSrsRequestLogEntry, type OpenSrsSimulatorOptions } from './simulator.js';
export { OpenSrsStore, SANDBOX_COMPANY, type LogKind, type StoredChange } from './store.js';
export type { OpenSrsFault } from './faults.js';
