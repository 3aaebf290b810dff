// A household with no declaration yet, written straight to CouchDB as the server would hold
// it after a registration: its head and a child, for the tests of a first declaration.

import { aHousehold, aPerson } from '../../src/lib/ui/records.test-support';
import type { Stack } from './stack';
import { WARD_DATABASE } from './ward';

export async function freshHousehold(
	stack: Stack,
	head: string,
	birthDate: string,
	sex: 'male' | 'female'
) {
	const household = aHousehold({ head_name: head, house_number: '77/1', street: 'Hẻm Đồng Ý' });
	const headPerson = aPerson(household, { full_name: head, birth_date: birthDate, sex });
	const child = aPerson(household, {
		full_name: 'Lê Ngọc Ánh',
		birth_date: '2010-05-02',
		sex: 'female',
		relation: 'child'
	});
	const stamp = { by: 'ctv-demo', at: new Date().toISOString() };
	const docs = [household, headPerson, child].map(({ id, ...fields }) => ({
		_id: id,
		...fields,
		stamp
	}));
	await stack.couch.json(`${WARD_DATABASE}/_bulk_docs`, { method: 'POST', body: { docs } });
	return { household, head: headPerson, child };
}

/** The part of a record id the app's paths use. */
export function uuidOf(id: string): string {
	return id.slice(id.indexOf(':') + 1);
}
