// Whether the browser will keep the device database. Without persistent storage an origin's
// data is "best effort": the browser may delete it when the disk runs short (Chromium evicts
// least-recently-used origins; Safari also deletes script-written data after 7 days without a
// visit). Unsent records exist nowhere else, so the app asks for persistence once someone has
// data to keep, and says so when the answer is no or the origin's quota is nearly used up.
//
//   const facts = await askToKeepStorage(navigator.storage);
//   storageWarnings(facts)   // [] | [{ kind: 'refused' }, { kind: 'space_short', freeBytes }]

/**
 * Below this much room left in the origin's quota, the phone is warned: past the quota the
 * next write fails with QuotaExceededError. Measured in Chromium, the whole origin after a
 * collaborator's first sync of 40 households (the app shell's cache and the device database)
 * is about 1.2 MB (tests/e2e/durable-save.test.ts prints it); 50 MB leaves room for several
 * groups' records and for a new version's shell cached beside the old one during an update.
 * The quota is a browser's limit for the origin (10 GiB in Chromium here, much less in a
 * private window or an older Safari), not the phone's free disk: Chromium no longer counts
 * free disk space in it. A nearly full phone shows up instead as eviction of data that is not
 * persistent, which is what the refusal warning is about.
 */
export const SPACE_SHORT_BYTES = 50 * 1024 * 1024;

export type Persistence = 'granted' | 'refused' | 'unsupported';

export type StorageFacts = {
	persistence: Persistence;
	/** From `navigator.storage.estimate()`; null where the browser does not tell. */
	usageBytes: number | null;
	quotaBytes: number | null;
};

export type StorageWarning = { kind: 'refused' } | { kind: 'space_short'; freeBytes: number };

/** The part of `navigator.storage` used here; any of it may be missing in an older browser. */
export type StorageManagerLike = Partial<
	Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>
>;

async function persistence(storage: StorageManagerLike, ask: boolean): Promise<Persistence> {
	if (!storage.persist) return 'unsupported';
	try {
		if (storage.persisted && (await storage.persisted())) return 'granted';
		if (!ask) return storage.persisted ? 'refused' : 'unsupported';
		return (await storage.persist()) ? 'granted' : 'refused';
	} catch {
		return 'unsupported';
	}
}

async function estimate(
	storage: StorageManagerLike
): Promise<Pick<StorageFacts, 'usageBytes' | 'quotaBytes'>> {
	try {
		const answer = storage.estimate ? await storage.estimate() : undefined;
		return { usageBytes: answer?.usage ?? null, quotaBytes: answer?.quota ?? null };
	} catch {
		return { usageBytes: null, quotaBytes: null };
	}
}

/**
 * Asks for persistent storage unless it is already granted, then reads the space left. With
 * `ask: false` it only reads: Chromium decides without a prompt, but Firefox asks the person,
 * and once per visit is enough.
 */
export async function askToKeepStorage(
	storage: StorageManagerLike | undefined,
	{ ask = true }: { ask?: boolean } = {}
): Promise<StorageFacts> {
	if (!storage) return { persistence: 'unsupported', usageBytes: null, quotaBytes: null };
	return { persistence: await persistence(storage, ask), ...(await estimate(storage)) };
}

/**
 * What the person should be told. A browser without the API gets no persistence warning: there
 * is nothing to ask for, and the iPhone's case is the home-screen prompt.
 */
export function storageWarnings(facts: StorageFacts): StorageWarning[] {
	const warnings: StorageWarning[] = [];
	if (facts.persistence === 'refused') warnings.push({ kind: 'refused' });
	if (facts.usageBytes !== null && facts.quotaBytes !== null && facts.quotaBytes > 0) {
		const freeBytes = Math.max(0, facts.quotaBytes - facts.usageBytes);
		if (freeBytes < SPACE_SHORT_BYTES) warnings.push({ kind: 'space_short', freeBytes });
	}
	return warnings;
}

/** Whole megabytes, rounded down: "about 12 MB left" must not promise more than there is. */
export function wholeMegabytes(bytes: number): number {
	return Math.max(0, Math.floor(bytes / (1024 * 1024)));
}
