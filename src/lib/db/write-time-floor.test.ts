import { fillWithDefaultSettings, getChangedDocumentsSince, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { withWriteTimeFloor, writeTimeFloor } from './write-time-floor';

type Note = { id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const schema = fillWithDefaultSettings<Note>({
	version: 0,
	primaryKey: 'id',
	type: 'object',
	properties: { id: { type: 'string', maxLength: 40 } },
	required: ['id']
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's storages are generic over internals they never expose
async function openNotes(storage: RxStorage<any, any>, databaseName: string) {
	return storage.createStorageInstance<Note>({
		databaseInstanceToken: 'token',
		databaseName,
		collectionName: 'notes',
		schema,
		options: {},
		multiInstance: false,
		devMode: false
	});
}

function written(id: string, lwt: number) {
	return {
		document: { id, _deleted: false, _rev: '1-a', _attachments: {}, _meta: { lwt } }
	};
}

/**
 * A phone 5 days ahead pushes a note, its clock is set right, the app starts again and
 * writes another note: is that note after the push's checkpoint?
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
async function afterClockSetRight(storage: RxStorage<any, any>): Promise<string[]> {
	const name = `floor-${Math.random().toString(36).slice(2)}`;
	const ahead = Date.now() + 5 * DAY_MS;
	const before = await openNotes(storage, name);
	await before.bulkWrite([written('pushed', ahead)], 'test');
	const { checkpoint } = await getChangedDocumentsSince(before, 10);
	await before.close();

	const after = await openNotes(storage, name);
	await after.bulkWrite([written('declared', Date.now())], 'test');
	const { documents } = await getChangedDocumentsSince(after, 10, checkpoint);
	await after.close();
	return documents.map((doc) => doc.id);
}

describe('the write-time floor', () => {
	it('puts a write made after the clock was set back after what was already pushed', async () => {
		// Without it the new note sits before the checkpoint: the push never sees it.
		expect(await afterClockSetRight(getRxStorageMemory())).toEqual([]);
		expect(await afterClockSetRight(withWriteTimeFloor(getRxStorageMemory()))).toEqual([
			'declared'
		]);
	});

	it('is 0 when every write is in the past, and within a millisecond of the latest otherwise', async () => {
		const storage = getRxStorageMemory();
		const now = Date.now();
		const notes = await openNotes(storage, `floor-${Math.random().toString(36).slice(2)}`);
		await notes.bulkWrite([written('old', now - DAY_MS)], 'test');
		expect(await writeTimeFloor(notes, now)).toBe(0);
		const latest = now + 400 * DAY_MS + 0.37;
		await notes.bulkWrite([written('a', now + DAY_MS), written('b', latest)], 'test');
		const floor = await writeTimeFloor(notes, now);
		expect(floor).toBeGreaterThan(latest);
		expect(floor - latest).toBeLessThanOrEqual(1);
		await notes.close();
	});

	it('moves a batch of inserts sharing one _meta once, and keeps later batches after it', async () => {
		const storage = withWriteTimeFloor(getRxStorageMemory());
		const name = `floor-${Math.random().toString(36).slice(2)}`;
		const ahead = Date.now() + DAY_MS;
		const first = await openNotes(storage, name);
		await first.bulkWrite([written('ahead', ahead)], 'test');
		await first.close();
		const notes = await openNotes(storage, name);
		const meta = { lwt: Date.now() };
		const batch = ['x', 'y'].map((id) => ({
			document: { id, _deleted: false, _rev: '1-a', _attachments: {}, _meta: meta }
		}));
		await notes.bulkWrite(batch, 'test');
		await notes.bulkWrite([written('z', Date.now())], 'test');
		const { documents } = await getChangedDocumentsSince(notes, 10);
		const times = documents.map((doc) => [doc.id, doc._meta.lwt] as const);
		expect(times.map(([id]) => id)).toEqual(['ahead', 'x', 'y', 'z']);
		expect(times[1][1]).toBe(times[2][1]);
		expect(times[1][1]).toBeGreaterThan(ahead);
		expect(times[3][1]).toBeGreaterThan(times[2][1]);
		await notes.close();
	});
});
