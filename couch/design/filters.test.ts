import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, type RecordType } from '../../src/lib/domain/ids';
import { canRead, isPlaced, placementOfBody, type Scope } from '../../src/lib/server/gateway/scope';
import { scopeFilterQuery, SCOPE_FILTER } from '../../src/lib/server/gateway/scope-filter';
import { wardDesignDocs, GATEWAY_DESIGN } from './documents';

type Doc = { _id: string; _deleted?: boolean } & Record<string, unknown>;
type Filter = (doc: Doc, req: { query: Record<string, unknown> }) => boolean;

const design = wardDesignDocs().find((doc) => doc._id === `_design/${GATEWAY_DESIGN}`);
const source = design?.filters?.[SCOPE_FILTER] ?? '';
/** The stored source, run as a view server runs it. */
const filter = new Function(`"use strict"; return (${source});`)() as Filter;

/** What CouchDB hands the filter as `req.query`: the parameters as text, absent ones left out. */
function requestFor(scope: Scope, type?: RecordType): { query: Record<string, unknown> } {
	const query = Object.entries(scopeFilterQuery(scope, type)).filter(([, v]) => v !== undefined);
	return { query: Object.fromEntries(query) };
}

function scope(groups: Scope['groups'], readsAllDeviceStatuses = groups === 'ward'): Scope {
	return {
		user: 'ctv-a',
		database: 'ward_26956',
		ward: '26956',
		groups,
		isReadOnly: false,
		readsAllDeviceStatuses
	};
}

const SCOPES: Record<string, Scope> = {
	'collaborator of group 01': scope(new Set(['26956-01'])),
	'collaborator of groups 01 and 02': scope(new Set(['26956-02', '26956-01'])),
	'collaborator of no group': scope(new Set()),
	'ward staff': scope('ward'),
	'resident of household H1': {
		...scope(new Set(['26956-01']), false),
		user: 'r-a',
		household: 'household:H1'
	}
};

const HOUSEHOLD_A = 'household:H1';
const HOUSEHOLD_B = 'household:H2';

/** Every kind of document a ward database can hold, in and out of any scope. */
function wardDocs(): Doc[] {
	const docs: Doc[] = [
		{ _id: '_design/progress' },
		{ _id: 'no-type-here', ward: '26956', group: '26956-01' },
		{ _id: 'unknown:1', ward: '26956', group: '26956-01' }
	];
	let n = 0;
	for (const type of RECORD_TYPES) {
		for (const ward of ['26956', '26957', undefined]) {
			for (const group of ['26956-01', '26956-02', '26957-01', undefined]) {
				for (const user of ['ctv-a', 'ctv-b', undefined]) {
					for (const isDeleted of [false, true]) {
						n += 1;
						const household = [HOUSEHOLD_A, HOUSEHOLD_B, undefined][n % 3];
						const doc: Doc = { _id: `${type}:${n}`, type, ward, group, user, household };
						if (isDeleted) doc._deleted = true;
						docs.push(doc);
					}
				}
			}
		}
		docs.push({ _id: `${type}:bare-${n}`, _deleted: true });
	}
	for (const id of [HOUSEHOLD_A, HOUSEHOLD_B]) {
		docs.push({ _id: id, type: 'household', ward: '26956', group: '26956-01' });
	}
	return docs;
}

/** What the gateway would show, or have to look up first (a deletion that names no place). */
function gatewayMayShow(scope: Scope, type: RecordType | undefined, doc: Doc): boolean {
	const placement = placementOfBody(doc._id, doc);
	if (!placement || (type && placement.type !== type)) return false;
	if (!isPlaced(placement)) return doc._deleted === true;
	return canRead(scope, placement);
}

describe('the scope filter', () => {
	it('passes every row the gateway may show, for every scope and type', () => {
		for (const [name, caller] of Object.entries(SCOPES)) {
			for (const type of [undefined, ...RECORD_TYPES]) {
				for (const doc of wardDocs()) {
					if (!gatewayMayShow(caller, type, doc)) continue;
					expect(filter(doc, requestFor(caller, type)), `${name}, ${type}, ${doc._id}`).toBe(true);
				}
			}
		}
	});

	it("keeps back another group's records, other types and other wards", () => {
		const req = requestFor(SCOPES['collaborator of group 01'], 'person');
		const base = { type: 'person', ward: '26956', group: '26956-01' };
		expect(filter({ _id: 'person:1', ...base }, req)).toBe(true);
		expect(filter({ _id: 'person:2', ...base, group: '26956-02' }, req)).toBe(false);
		expect(filter({ _id: 'person:3', ...base, ward: '26957' }, req)).toBe(false);
		expect(filter({ _id: 'household:1', ...base, type: 'household' }, req)).toBe(false);
		expect(filter({ _id: '_design/progress' }, req)).toBe(false);
		// A deletion made through the gateway keeps its place, and is judged by it.
		expect(filter({ _id: 'person:4', ...base, group: '26956-02', _deleted: true }, req)).toBe(
			false
		);
	});

	it('lets through a deletion that names no place, for the gateway to place', () => {
		const req = requestFor(SCOPES['collaborator of group 01'], 'household');
		expect(filter({ _id: 'household:9', _rev: '2-a', _deleted: true }, req)).toBe(true);
		expect(filter({ _id: 'household:9', _rev: '2-a', ward: '26956' }, req)).toBe(false);
	});

	it("gives a collaborator only their own devices' statuses, ward staff all", () => {
		const status = (user: string) => ({
			_id: `device_status:${user}-phone`,
			type: 'device_status',
			ward: '26956',
			user
		});
		const own = requestFor(SCOPES['collaborator of group 01'], 'device_status');
		expect(filter(status('ctv-a'), own)).toBe(true);
		expect(filter(status('ctv-b'), own)).toBe(false);
		expect(filter(status('ctv-b'), requestFor(SCOPES['ward staff'], 'device_status'))).toBe(true);
	});

	it("gives a resident their household's own record and the records that name it, no other", () => {
		const req = requestFor(SCOPES['resident of household H1']);
		const base = { ward: '26956', group: '26956-01' };
		expect(filter({ _id: HOUSEHOLD_A, type: 'household', ...base }, req)).toBe(true);
		expect(filter({ _id: HOUSEHOLD_B, type: 'household', ...base }, req)).toBe(false);
		const member = { _id: 'person:1', type: 'person', ...base };
		expect(filter({ ...member, household: HOUSEHOLD_A }, req)).toBe(true);
		expect(filter({ ...member, household: HOUSEHOLD_B }, req)).toBe(false);
		expect(filter(member, req)).toBe(false);
		// Moved to another group by ward staff: the resident's scope follows at the next session.
		expect(filter({ ...member, household: HOUSEHOLD_A, group: '26956-02' }, req)).toBe(false);
	});

	it('reads parameters a server hands over as numbers (PouchDB Server parses JSON)', () => {
		const doc = { _id: 'person:1', type: 'person', ward: '26956', group: '26956-01' };
		expect(filter(doc, { query: { ward: 26956, groups: '26956-01' } })).toBe(true);
		expect(filter(doc, { query: { ward: 26957, groups: '26956-01' } })).toBe(false);
	});

	it('passes no placed record but their device statuses to a collaborator without groups', () => {
		const req = requestFor(SCOPES['collaborator of no group']);
		const passed = wardDocs().filter((doc) => {
			const placement = placementOfBody(doc._id, doc);
			return placement !== null && isPlaced(placement) && filter(doc, req);
		});
		expect(passed.length).toBeGreaterThan(0);
		expect(passed.every((doc) => doc.type === 'device_status' && doc.user === 'ctv-a')).toBe(true);
	});
});
