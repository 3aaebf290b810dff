// What the claim tests read and do beside the page: the ward's documents straight from
// CouchDB, a household of two or more with its head's year of birth, and ward staff's QR
// actions through the app server's API.

import { DEMO_PASSWORD } from '../../couch/seed/demo';
import type { Declaration } from '../../src/lib/domain';
import type { Stack } from './stack';

export const WARD_DATABASE = 'ward_26956';

export type StoredDoc = {
	_id: string;
	type?: string;
	group?: string;
	household?: string;
	relation?: string;
	birth_date?: string;
	full_name?: string;
	address?: { house_number: string; street: string };
};

export async function wardDocs(stack: Stack): Promise<StoredDoc[]> {
	const { rows } = await stack.couch.json<{ rows: { doc: StoredDoc }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true } }
	);
	return rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith('_'));
}

export async function declarationsOf(
	stack: Stack,
	household: string
): Promise<(Declaration & { _id: string })[]> {
	return (await wardDocs(stack)).filter(
		(doc): doc is Declaration & { _id: string } =>
			doc.type === 'declaration' && doc.household === household
	);
}

export type FamilyUnderTest = { household: StoredDoc; members: StoredDoc[]; headYear: string };

/** The first household with two members or more, its members and its head's year of birth. */
export async function familyOfTwoOrMore(stack: Stack, skip = 0): Promise<FamilyUnderTest> {
	const persons = (await wardDocs(stack)).filter((doc) => doc.type === 'person');
	const heads = persons.filter(
		(person) =>
			person.relation === 'head' &&
			persons.filter((other) => other.household === person.household).length >= 2
	);
	const head = heads[skip];
	if (!head?.household) throw new Error('the demo has no household of two or more');
	const docs = await wardDocs(stack);
	const household = docs.find((doc) => doc._id === head.household) as StoredDoc;
	return {
		household,
		members: persons.filter((person) => person.household === household._id),
		headYear: String(head.birth_date).slice(0, 4)
	};
}

export async function staffCookie(stack: Stack, username = 'ward-demo'): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: 'ward-office-0001' })
	});
	if (response.status !== 200) throw new Error(`sign-in as ${username}: ${response.status}`);
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

type QrAnswer = { state: string; link?: string; check_code?: string; phones: number };

/** The household's current claim token, issuing one first when `issue` is set. */
export async function householdToken(
	stack: Stack,
	household: string,
	options: { issue: boolean }
): Promise<string> {
	const cookie = await staffCookie(stack);
	const response = options.issue
		? await fetch(`${stack.appUrl}/api/qr/household`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ household, action: 'issue' })
			})
		: await fetch(`${stack.appUrl}/api/qr/household?household=${household}`, {
				headers: { cookie }
			});
	const { link } = (await response.json()) as QrAnswer;
	const token = link?.split('/q/')[1];
	if (!token) throw new Error(`no live token for ${household}`);
	return token;
}
