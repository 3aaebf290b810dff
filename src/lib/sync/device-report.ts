// Writes this device's own status record (device_status:<device id>:<user>) so supervisors can see
// which collaborators' phones are behind and how much waits on them. At most one write a
// minute: the record is itself pushed, and a push must not cause the next report in a loop.

import { bilingual, checkRecord, deviceStatusId, type DeviceStatus } from '$lib/domain';
import type { DeviceDatabase } from '$lib/db/database';
import type { SyncStatus } from './sync-status';

export const DEVICE_REPORT_INTERVAL_MS = 60_000; // 1 minute

export type DeviceReporterOptions = {
	db: DeviceDatabase;
	ward: string;
	appVersion: string;
	/** The status as it is when the write happens, which may be a minute after the ask. */
	read: () => SyncStatus;
	intervalMs?: number;
};

export function deviceStatusOf(
	options: Pick<DeviceReporterOptions, 'db' | 'ward' | 'appVersion'>,
	status: SyncStatus,
	now: Date
): DeviceStatus {
	const record = {
		id: deviceStatusId(options.db.deviceId, options.db.username),
		type: 'device_status',
		ward: options.ward,
		device_id: options.db.deviceId,
		user: options.db.username,
		app_version: options.appVersion.slice(0, 40),
		last_push_at: status.lastPushAt ?? undefined,
		last_pull_at: status.lastPullAt ?? undefined,
		waiting: status.waiting,
		last_error: status.lastError
			? `${bilingual(status.lastError.key)} (${status.lastError.detail})`.slice(0, 500)
			: undefined,
		updated_at: now.toISOString()
	};
	const checked = checkRecord(record);
	if (!checked.ok) throw new Error(`Device status refused: ${JSON.stringify(checked.problems)}`);
	return JSON.parse(JSON.stringify(checked.record)) as DeviceStatus;
}

export class DeviceReporter {
	readonly #options: DeviceReporterOptions;
	readonly #intervalMs: number;
	#lastWriteAt = -Infinity;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#writing: Promise<void> = Promise.resolve();
	#isStopped = false;

	constructor(options: DeviceReporterOptions) {
		this.#options = options;
		this.#intervalMs = options.intervalMs ?? DEVICE_REPORT_INTERVAL_MS;
	}

	/** Reports now if the last report is a minute old, else once the minute is over. */
	report(): void {
		if (this.#isStopped || this.#timer) return;
		const wait = this.#lastWriteAt + this.#intervalMs - Date.now();
		if (wait <= 0) {
			this.#write();
		} else {
			this.#timer = setTimeout(() => {
				this.#timer = undefined;
				this.#write();
			}, wait);
		}
	}

	/** Resolves when the writes started so far are stored. */
	settled(): Promise<void> {
		return this.#writing;
	}

	stop(): Promise<void> {
		this.#isStopped = true;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		return this.#writing;
	}

	#write(): void {
		if (this.#isStopped) return;
		this.#lastWriteAt = Date.now();
		const record = deviceStatusOf(this.#options, this.#options.read(), new Date());
		const collection = this.#options.db.rx.device_statuses;
		this.#writing = this.#writing
			.then(() => collection.incrementalUpsert(record))
			.then(
				() => undefined,
				(error: unknown) => console.error('Could not store the device status', error)
			);
	}
}
