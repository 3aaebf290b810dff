import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '$lib/domain';
import type { Account } from './accounts';
import { sessionUserOf, wardCodeOf } from './session-user';

function unit(code: string, level: OrgUnit['level'], path: string[], hotline?: string): OrgUnit {
	return {
		code,
		type: 'org_unit',
		level,
		name: `Unit ${code}`,
		parent: path.length > 1 ? path[path.length - 2] : null,
		path,
		cadence_months: 3,
		...(hotline ? { hotline } : {})
	};
}

const city = unit('79', 'city', ['79'], '1900 1234');
const ward = unit('26956', 'ward', ['79', '765', '26956']);
const groups = ['01', '02', '03'].map((n) =>
	unit(`26956-${n}`, 'group', ['79', '765', '26956', `26956-${n}`])
);

function account(role: Account['role'], org_units: string[]): Account {
	return {
		username: 'someone',
		display_name: 'Someone',
		role,
		org_units,
		password: {
			algorithm: 'scrypt',
			salt: 's',
			hash: 'h',
			cost: 16384,
			block_size: 8,
			parallelization: 1
		}
	};
}

describe('sessionUserOf', () => {
	it("gives a collaborator their ward's database and only their groups", () => {
		const user = sessionUserOf(account('collaborator', ['26956-02']), {
			wardLineage: [ward, city],
			groups
		});
		expect(user?.ward).toEqual({
			code: '26956',
			name: 'Unit 26956',
			database: 'ward_26956',
			cadence_months: 3,
			hotline: '1900 1234'
		});
		expect(user?.groups).toEqual([{ code: '26956-02', name: 'Unit 26956-02' }]);
	});

	it('gives ward staff every group of the ward', () => {
		const user = sessionUserOf(account('ward_staff', ['26956']), {
			wardLineage: [ward],
			groups
		});
		expect(user?.groups.map((group) => group.code)).toEqual(['26956-01', '26956-02', '26956-03']);
		expect(user?.ward?.hotline).toBeUndefined();
	});

	it('gives supervisors no ward and no groups', () => {
		const user = sessionUserOf(account('city_supervisor', ['79']), { wardLineage: [], groups: [] });
		expect(user).toMatchObject({ role: 'city_supervisor', ward: null, groups: [] });
		expect(wardCodeOf(account('district_supervisor', ['765']))).toBeNull();
	});

	it('refuses an account whose ward or groups are not in the org tree', () => {
		expect(
			sessionUserOf(account('collaborator', ['26956-09']), { wardLineage: [ward], groups })
		).toBeNull();
		expect(
			sessionUserOf(account('ward_staff', ['26956']), { wardLineage: [], groups: [] })
		).toBeNull();
	});
});
