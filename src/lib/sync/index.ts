// The sync API the screens use: start it after sign-in, read its status, stop it on sign-out.

export { startWardSync, type WardSync, type WardSyncOptions } from './ward-sync';
export {
	INITIAL_SYNC_STATUS,
	SyncStatusStore,
	type RefusedRecord,
	type SyncError,
	type SyncStatus
} from './sync-status';
export { browserOnlineSignal, onlineSwitch, type OnlineSignal, type OnlineSwitch } from './online';
export { APP_VERSION } from './app-version';
