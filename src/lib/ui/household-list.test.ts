import { describe, expect, it } from 'vitest';
import { aDeclaration, aHousehold, aPerson } from './records.test-support';
import {
	filterHouseholdRows,
	householdRows,
	latestByPerson,
	orderHouseholdRows
} from './household-list';

const NOW = new Date('2026-06-20T09:00:00+07:00');

function street() {
	const hung = aHousehold({
		house_number: '12/3A',
		street: 'Bình Quới',
		head_name: 'Nguyễn Văn Hùng'
	});
	const lan = aHousehold({
		house_number: '2',
		street: 'Bình Quới',
		head_name: 'Trần Thị Lan',
		group: '26956-02'
	});
	const dung = aHousehold({
		house_number: '45',
		street: 'Điện Biên Phủ',
		head_name: 'Lê Văn Dũng'
	});
	const hungHead = aPerson(hung);
	const anh = aPerson(hung, {
		full_name: 'Nguyễn Thị Ánh',
		sex: 'female',
		relation: 'spouse',
		birth_date: '1961'
	});
	const lanHead = aPerson(lan, { full_name: 'Trần Thị Lan', sex: 'female' });
	return { hung, lan, dung, hungHead, anh, lanHead };
}

describe('household rows', () => {
	it('orders by street, then house number as numbers, not as text', () => {
		const { hung, lan, dung } = street();
		const ten = aHousehold({ house_number: '10', street: 'Bình Quới' });
		const rows = householdRows([dung, ten, hung, lan], [], [], 6, NOW);
		expect(rows.map((row) => row.household.address.house_number)).toEqual([
			'2',
			'10',
			'12/3A',
			'45'
		]);
	});

	it('finds a household by a member name typed without diacritics, or by house number', () => {
		const { hung, lan, dung, hungHead, anh, lanHead } = street();
		const rows = householdRows([hung, lan, dung], [hungHead, anh, lanHead], [], 6, NOW);
		const heads = (query: string, group = '') =>
			filterHouseholdRows(rows, query, group).map((row) => row.household.head_name);
		expect(heads('anh')).toEqual(['Nguyễn Văn Hùng']);
		expect(heads('nguyen thi anh')).toEqual(['Nguyễn Văn Hùng']);
		expect(heads('12/3')).toEqual(['Nguyễn Văn Hùng']);
		expect(heads('dien bien')).toEqual(['Lê Văn Dũng']);
		expect(heads('tran lan')).toEqual(['Trần Thị Lan']);
		expect(heads('zzz')).toEqual([]);
		expect(heads('')).toHaveLength(3);
	});

	it('filters by group', () => {
		const { hung, lan, dung } = street();
		const rows = householdRows([hung, lan, dung], [], [], 6, NOW);
		expect(filterHouseholdRows(rows, '', '26956-02').map((row) => row.household.id)).toEqual([
			lan.id
		]);
		expect(filterHouseholdRows(rows, 'lan', '26956-01')).toEqual([]);
	});

	it('is as urgent as its most urgent member, and "not declared" with nobody declared', () => {
		const { hung, lan, dung, hungHead, anh, lanHead } = street();
		const declarations = [
			aDeclaration(hungHead, { declared_at: '2026-05-01T08:00:00+07:00' }),
			aDeclaration(anh, { declared_at: '2025-11-01T08:00:00+07:00' }),
			aDeclaration(lanHead, { declared_at: '2026-06-10T08:00:00+07:00' })
		];
		const rows = householdRows([hung, lan, dung], [hungHead, anh, lanHead], declarations, 6, NOW);
		const byId = new Map(rows.map((row) => [row.household.id, row]));
		expect(byId.get(hung.id)?.members.map((member) => member.due)).toEqual([
			'up_to_date',
			'overdue'
		]);
		expect(byId.get(hung.id)?.due).toBe('overdue');
		expect(byId.get(lan.id)?.due).toBe('up_to_date');
		expect(byId.get(dung.id)?.due).toBe('never');
	});

	it('uses the close-watch cadence for a member with a chronic condition', () => {
		const { hung, hungHead } = street();
		const last = aDeclaration(hungHead, {
			declared_at: '2026-03-10T08:00:00+07:00',
			health: { chronic_conditions: ['diabetes'] }
		});
		expect(householdRows([hung], [hungHead], [last], 6, NOW)[0].due).toBe('overdue');
	});

	it('lists the head first, then the elders before the children', () => {
		const { hung, hungHead, anh } = street();
		const child = aPerson(hung, {
			full_name: 'Nguyễn Minh Khang',
			relation: 'child',
			birth_date: '2015'
		});
		const rows = householdRows([hung], [child, anh, hungHead], [], 6, NOW);
		expect(rows[0].members.map((member) => member.person.full_name)).toEqual([
			'Nguyễn Văn Hùng',
			'Nguyễn Thị Ánh',
			'Nguyễn Minh Khang'
		]);
	});
});

describe('due and overdue', () => {
	function visits() {
		const { hung, lan, dung, hungHead, anh, lanHead } = street();
		const declarations = [
			aDeclaration(hungHead, { declared_at: '2026-05-01T08:00:00+07:00' }),
			aDeclaration(anh, { declared_at: '2025-11-01T08:00:00+07:00' }),
			aDeclaration(lanHead, { declared_at: '2026-06-10T08:00:00+07:00' })
		];
		return {
			rows: householdRows([hung, lan, dung], [hungHead, anh, lanHead], declarations, 6, NOW),
			hung,
			lan,
			dung
		};
	}

	it("gives each member's next due date and the household's earliest", () => {
		const { rows, hung, dung } = visits();
		const row = rows.find((candidate) => candidate.household.id === hung.id);
		// Ánh declared on 1 November 2025: six months later is 1 May 2026.
		expect(row?.members.map((member) => member.nextDue?.toISOString())).toEqual([
			'2026-11-01T01:00:00.000Z',
			'2026-05-01T01:00:00.000Z'
		]);
		expect(row?.nextDue?.toISOString()).toBe('2026-05-01T01:00:00.000Z');
		expect(rows.find((candidate) => candidate.household.id === dung.id)?.nextDue).toBeNull();
	});

	it('filters to the households that need a visit, or to one state', () => {
		const { rows, hung, lan, dung } = visits();
		const ids = (filter: Parameters<typeof filterHouseholdRows>[3]) =>
			filterHouseholdRows(rows, '', '', filter).map((row) => row.household.id);
		expect(ids('needs_visit').sort()).toEqual([hung.id, dung.id].sort());
		expect(ids('overdue')).toEqual([hung.id]);
		expect(ids('never')).toEqual([dung.id]);
		expect(ids('up_to_date')).toEqual([lan.id]);
		expect(ids('all')).toHaveLength(3);
	});

	it('orders by urgency: overdue, never declared, then up to date', () => {
		const { rows, hung, lan, dung } = visits();
		expect(orderHouseholdRows(rows, 'urgency').map((row) => row.household.id)).toEqual([
			hung.id,
			dung.id,
			lan.id
		]);
		expect(orderHouseholdRows(rows, 'address')).toBe(rows);
	});
});

describe('latest declaration', () => {
	it('is the newest by declaration time for each person', () => {
		const { hungHead, anh } = street();
		const old = aDeclaration(hungHead, { declared_at: '2026-01-01T08:00:00+07:00' });
		const recent = aDeclaration(hungHead, { declared_at: '2026-04-01T08:00:00+07:00' });
		const hers = aDeclaration(anh);
		const latest = latestByPerson([recent, hers, old]);
		expect(latest.get(hungHead.id)?.id).toBe(recent.id);
		expect(latest.get(anh.id)?.id).toBe(hers.id);
	});
});
