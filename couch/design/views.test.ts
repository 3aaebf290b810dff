import { describe, expect, it } from 'vitest';
import { orgDesignDocs, PROGRESS_VIEWS, usersDesignDocs, wardDesignDocs } from './documents';

type Row = [key: unknown, value: unknown];
type Doc = Record<string, unknown>;
type Reduce = (keys: unknown[] | null, values: unknown[], rereduce: boolean) => unknown;

/** Runs a stored map source the way a view server does, with emit collecting rows. */
function mapRows(source: string, docs: Doc[]): Row[] {
	const rows: Row[] = [];
	const emit = (key: unknown, value: unknown) => rows.push([key, value]);
	const map = new Function('emit', `"use strict"; return (${source});`)(emit) as (doc: Doc) => void;
	for (const doc of docs) map(doc);
	return rows;
}

function reducer(source: string): Reduce {
	return new Function(`"use strict"; return (${source});`)() as Reduce;
}

const progress = wardDesignDocs()[0].views;
const base = { ward: '26956', group: '26956-01' };
const declaration = {
	...base,
	_id: 'declaration:1',
	type: 'declaration',
	person: 'person:a',
	household: 'household:h',
	channel: 'door_to_door',
	declared_at: '2026-05-01T20:30:00.000Z'
};

describe('progress views', () => {
	it('count households and people by group, nothing else', () => {
		const docs = [
			{ ...base, _id: 'household:1', type: 'household' },
			{ ...base, _id: 'person:1', type: 'person' },
			{ ...base, group: '26956-02', _id: 'person:2', type: 'person' },
			{ ...declaration },
			{ _id: 'device_status:x', type: 'device_status', ward: '26956' }
		];
		expect(mapRows(progress[PROGRESS_VIEWS.households].map, docs)).toEqual([['26956-01', null]]);
		expect(mapRows(progress[PROGRESS_VIEWS.persons].map, docs)).toEqual([
			['26956-01', null],
			['26956-02', null]
		]);
		expect(progress[PROGRESS_VIEWS.households].reduce).toBe('_count');
	});

	it('key declarations by group, channel and the day in Vietnam', () => {
		const docs = [
			declaration,
			{
				...declaration,
				_id: 'declaration:2',
				channel: 'qr',
				declared_at: '2026-05-01T08:00:00+07:00'
			},
			{ ...declaration, _id: 'declaration:3', corrects: 'declaration:1' },
			{ ...declaration, _id: 'declaration:4', declared_at: 'yesterday' }
		];
		// 20:30 UTC is 03:30 the next morning in Ho Chi Minh City.
		expect(mapRows(progress[PROGRESS_VIEWS.declarations].map, docs)).toEqual([
			[['26956-01', 'door_to_door', '2026-05-02'], null],
			[['26956-01', 'qr', '2026-05-01'], null]
		]);
	});

	it('give each person the latest declaration, across offsets and rereduce', () => {
		const view = progress[PROGRESS_VIEWS.latestDeclaration];
		const rows = mapRows(view.map, [
			declaration,
			{ ...declaration, _id: 'declaration:2', declared_at: '2026-05-02T02:00:00+07:00' },
			{
				...declaration,
				_id: 'declaration:3',
				person: 'person:b',
				channel: 'qr',
				declared_at: '2026-03-01T01:00:00Z',
				health: { chronic_conditions: ['diabetes'] }
			},
			{ ...declaration, _id: 'declaration:4', person: 'person:c', health: { pregnant: true } },
			{ ...declaration, _id: 'declaration:5', corrects: 'declaration:1' }
		]);
		const key = (person: string) => ['26956-01', 'household:h', person];
		expect(rows).toEqual([
			[key('person:a'), ['2026-05-01T20:30:00.000Z', 0, 'door_to_door']],
			[key('person:a'), ['2026-05-01T19:00:00.000Z', 0, 'door_to_door']],
			[key('person:b'), ['2026-03-01T01:00:00.000Z', 1, 'qr']],
			[key('person:c'), ['2026-05-01T20:30:00.000Z', 1, 'door_to_door']]
		]);
		const latest = reducer(view.reduce ?? '');
		const first = latest(null, [rows[0][1], rows[1][1]], false);
		expect(first).toEqual(['2026-05-01T20:30:00.000Z', 0, 'door_to_door']);
		const later = ['2026-06-01T00:00:00.000Z', 1, 'qr'];
		expect(latest(null, [later, first], true)).toEqual(later);
		expect(latest(null, [null, first], true)).toEqual(first);
	});
});

describe('org tree view', () => {
	it('keys org units by their path so a prefix range is a subtree', () => {
		const byPath = orgDesignDocs()[0].views.by_path;
		const rows = mapRows(byPath.map, [
			{
				_id: 'org:26956',
				type: 'org_unit',
				level: 'ward',
				name: 'Phường 27',
				path: ['79', '765', '26956']
			},
			{ _id: 'user:x', type: 'user', path: ['79'] }
		]);
		expect(rows).toEqual([[['79', '765', '26956'], { level: 'ward', name: 'Phường 27' }]]);
	});

	it('says which units were merged, so a roll-up can skip them without reading documents', () => {
		const byPath = orgDesignDocs()[0].views.by_path;
		const rows = mapRows(byPath.map, [
			{
				_id: 'org:26953',
				type: 'org_unit',
				level: 'ward',
				name: 'Phường 25',
				path: ['79', '765', '26953'],
				merged_into: '26999'
			}
		]);
		expect(rows).toEqual([
			[['79', '765', '26953'], { level: 'ward', name: 'Phường 25', merged_into: '26999' }]
		]);
	});
});

describe('accounts view', () => {
	it('keys each account by every unit it names, and nothing else in hssk_users', () => {
		const byUnit = usersDesignDocs()[0].views.by_org_unit;
		const rows = mapRows(byUnit.map, [
			{ _id: 'user:ctv', username: 'ctv', org_units: ['26956-01', '26956-02'] },
			{ _id: 'user:r-1', username: 'r-1', org_units: ['26956'], household: 'household:x' },
			{ _id: 'session:abc', username: 'ctv', org_units: ['26956'] },
			{ _id: 'user:admin', org_units: [] }
		]);
		expect(rows).toEqual([
			['26956-01', null],
			['26956-02', null],
			['26956', null]
		]);
	});
});

describe('identity views', () => {
	const identity = wardDesignDocs().find((design) => design._id === '_design/identity')?.views;

	it('key people by citizen ID and birth year, nothing else', () => {
		const rows = mapRows(identity?.persons_by_identity.map ?? '', [
			{
				...base,
				_id: 'person:1',
				type: 'person',
				household: 'household:h',
				citizen_id: '079080001234',
				birth_date: '1980-03-12'
			},
			{ ...base, _id: 'person:2', type: 'person', household: 'household:h', birth_date: '1982' },
			{ ...declaration },
			{ _id: 'review_item:x', type: 'review_item', ward: '26956' }
		]);
		expect(rows).toEqual([
			[['citizen_id', '079080001234'], null],
			[['birth', '1980'], null],
			[['birth', '1982'], null]
		]);
	});

	it('key every declaration by its person, corrections included', () => {
		const rows = mapRows(identity?.declarations_by_person.map ?? '', [
			{ ...declaration },
			{ ...declaration, _id: 'declaration:2', corrects: 'declaration:1' },
			{ ...base, _id: 'person:a', type: 'person' }
		]);
		expect(rows).toEqual([
			['person:a', null],
			['person:a', null]
		]);
	});
});
