// Leaving the phone: signing out, or the server saying this staff account was disabled. The
// records on the device are deleted, but only after everything waiting reached the server;
// when something could not be sent (offline, refused, or the records are locked so nobody
// knows), the screen says so first and keeps them unless the person confirms.

import { goto } from '$app/navigation';
import { wipeDeviceDatabase } from '$lib/db/device-wipe';
import type { UiKey } from '$lib/i18n';
import { entersData, session } from '$lib/session';
import { deviceSync } from './device-sync.svelte';
import { flash } from './flash.svelte';
import { localDatabase } from './local-database.svelte';
import { paths } from './paths';

export type LeaveReason = 'sign_out' | 'disabled';

/** How long a sign-out waits for the push to finish before asking. */
export const PUSH_WAIT_MS = 20_000;
const POLL_MS = 250;

export type LeaveQuestion = {
	reason: LeaveReason;
	/** Records not acknowledged by the server; null when the records are locked. */
	waiting: number | null;
};

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

class LeaveDevice {
	#question = $state.raw<LeaveQuestion | null>(null);
	#pushing = $state(false);
	#kept = $state(false);

	/** What the dialog asks, or null when it is closed. */
	get question(): LeaveQuestion | null {
		return this.#question;
	}

	/** True while a sign-out waits for the last records to be sent. */
	get pushing(): boolean {
		return this.#pushing;
	}

	/** The account was disabled and the person chose to keep the unsent records. */
	get keptAfterDisabled(): boolean {
		return this.#kept;
	}

	async #waitForPush(): Promise<number> {
		if (deviceSync.isRunning && deviceSync.view.waiting > 0 && deviceSync.view.online) {
			this.#pushing = true;
			deviceSync.reSync();
			const until = Date.now() + PUSH_WAIT_MS;
			while (deviceSync.view.waiting > 0 && deviceSync.view.online && Date.now() < until) {
				await sleep(POLL_MS);
			}
			this.#pushing = false;
		}
		return deviceSync.view.waiting;
	}

	/** Deletes the records once nothing waits; otherwise asks (`question`). */
	async request(reason: LeaveReason): Promise<void> {
		if (this.#pushing || this.#question) return;
		const user = session.user;
		if (!user) return;
		if (!entersData(user.role)) {
			await this.#finish(reason);
			return;
		}
		const waiting = localDatabase.db ? await this.#waitForPush() : null;
		if (waiting === 0) {
			await this.#finish(reason);
			return;
		}
		this.#question = { reason, waiting };
	}

	/** The person confirmed: the unsent records go with the rest. */
	async confirm(): Promise<void> {
		const reason = this.#question?.reason ?? (this.#kept ? 'disabled' : null);
		this.#question = null;
		if (reason) await this.#finish(reason);
	}

	/** The person keeps the records (and, after a sign-out, stays signed in). */
	keep(): void {
		if (this.#question?.reason === 'disabled') this.#kept = true;
		this.#question = null;
	}

	async #finish(reason: LeaveReason): Promise<void> {
		const user = session.user;
		if (!user) return;
		await deviceSync.stop();
		deviceSync.watch(null);
		await localDatabase.close();
		await wipeDeviceDatabase(user.username);
		session.forgetOnDevice(user.username);
		await session.signOut();
		this.#kept = false;
		const done: UiKey = reason === 'disabled' ? 'leave.wiped_disabled' : 'leave.wiped';
		flash.show(done, paths.signIn());
		await goto(paths.signIn());
	}
}

export const leaveDevice = new LeaveDevice();
