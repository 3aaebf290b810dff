import { describe, expect, it } from 'vitest';
import {
	askToKeepStorage,
	SPACE_SHORT_BYTES,
	storageWarnings,
	wholeMegabytes,
	type StorageManagerLike
} from './storage-durability';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** A browser's StorageManager that answers as told and counts the requests. */
function fakeStorage(answers: {
	persisted?: boolean;
	persist?: boolean | Error;
	usage?: number;
	quota?: number;
	estimate?: Error;
}) {
	const calls = { persist: 0 };
	const storage: StorageManagerLike = {
		persisted: async () => answers.persisted ?? false,
		persist: async () => {
			calls.persist += 1;
			if (answers.persist instanceof Error) throw answers.persist;
			return answers.persist ?? false;
		},
		estimate: async () => {
			if (answers.estimate) throw answers.estimate;
			return { usage: answers.usage, quota: answers.quota };
		}
	};
	return { storage, calls };
}

describe('asking the browser to keep the device database', () => {
	it('does not ask again once persistence is granted', async () => {
		const { storage, calls } = fakeStorage({ persisted: true, usage: 4 * MB, quota: 2 * GB });
		expect(await askToKeepStorage(storage)).toEqual({
			persistence: 'granted',
			usageBytes: 4 * MB,
			quotaBytes: 2 * GB
		});
		expect(calls.persist).toBe(0);
	});

	it('asks when not yet persisted, and reports the answer', async () => {
		const granted = fakeStorage({ persist: true });
		expect((await askToKeepStorage(granted.storage)).persistence).toBe('granted');
		const refused = fakeStorage({ persist: false });
		expect((await askToKeepStorage(refused.storage)).persistence).toBe('refused');
		expect([granted.calls.persist, refused.calls.persist]).toEqual([1, 1]);
	});

	it('only reads when told not to ask', async () => {
		const { storage, calls } = fakeStorage({ persisted: false, persist: true });
		expect((await askToKeepStorage(storage, { ask: false })).persistence).toBe('refused');
		expect(calls.persist).toBe(0);
	});

	it('treats a missing or failing API as unsupported, never as a crash', async () => {
		expect(await askToKeepStorage(undefined)).toEqual({
			persistence: 'unsupported',
			usageBytes: null,
			quotaBytes: null
		});
		expect(await askToKeepStorage({})).toEqual({
			persistence: 'unsupported',
			usageBytes: null,
			quotaBytes: null
		});
		const failing = fakeStorage({ persist: new Error('SecurityError'), estimate: new Error('x') });
		expect(await askToKeepStorage(failing.storage)).toEqual({
			persistence: 'unsupported',
			usageBytes: null,
			quotaBytes: null
		});
	});
});

describe('what the person is warned about', () => {
	const roomy = { usageBytes: 5 * MB, quotaBytes: 10 * GB };

	it('says nothing when storage is kept and there is room', () => {
		expect(storageWarnings({ persistence: 'granted', ...roomy })).toEqual([]);
		expect(storageWarnings({ persistence: 'unsupported', ...roomy })).toEqual([]);
	});

	it('warns when the browser refused to keep the data', () => {
		expect(storageWarnings({ persistence: 'refused', ...roomy })).toEqual([{ kind: 'refused' }]);
	});

	it('warns when less than the threshold is left, with how much', () => {
		const quota = 1 * GB;
		const justEnough = { persistence: 'granted' as const, quotaBytes: quota };
		expect(storageWarnings({ ...justEnough, usageBytes: quota - SPACE_SHORT_BYTES })).toEqual([]);
		expect(storageWarnings({ ...justEnough, usageBytes: quota - SPACE_SHORT_BYTES + 1 })).toEqual([
			{ kind: 'space_short', freeBytes: SPACE_SHORT_BYTES - 1 }
		]);
		expect(
			storageWarnings({ persistence: 'refused', usageBytes: 2 * GB, quotaBytes: 1 * GB })
		).toEqual([{ kind: 'refused' }, { kind: 'space_short', freeBytes: 0 }]);
	});

	it('does not guess about space when the browser does not say', () => {
		expect(storageWarnings({ persistence: 'granted', usageBytes: null, quotaBytes: null })).toEqual(
			[]
		);
		expect(storageWarnings({ persistence: 'granted', usageBytes: 0, quotaBytes: 0 })).toEqual([]);
	});

	it('rounds the space left down to whole megabytes', () => {
		expect(wholeMegabytes(12.9 * MB)).toBe(12);
		expect(wholeMegabytes(-1)).toBe(0);
	});
});
