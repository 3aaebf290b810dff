// Ward staff's decision on a review item. Keeping apart only records the decision. Merging
// keeps one record and every declaration of both (docs/decisions/merging-people.md):
//
// 1. an alias from the merged id to the kept one, so an import or a late device finds it;
// 2. each declaration of the merged record re-pointed to the kept one (its person, household
//    and group; what was declared, when and by whom untouched), stamped by the staff member;
// 3. the kept record given what only the merged one had (citizen ID, insurance, phone), with
//    a new version of each field so a device's edit merges with it;
// 4. the merged record deleted as the gateway deletes (a tombstone that keeps its place);
// 5. the item marked merged.
//
// Each step writes only what is still to do, so a merge interrupted anywhere is finished by
// asking again.

import {
	PERSON_EDITABLE_FIELDS,
	wardDatabaseName,
	type Declaration,
	type Person,
	type RecordAlias
} from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { Refusal } from '../http';
import { aliasDocId } from './keys';
import { checked, stampOf, updatedRecord, type Author, type CouchDoc } from './plan-fields';
import { declarationsOf, docsByIds, type StoredReview } from './review-list';
import { asRecord } from './ward-records';

/** Fields a merge carries over when only the merged record has them. */
const FILLED_FIELDS = ['citizen_id', 'insurance_number', 'phone'] as const;
const WRITE_BATCH = 500;

export type Decision = { action: 'merge'; keep: string } | { action: 'keep_apart' };

export type DecisionOutcome = {
	state: 'merged' | 'kept_apart';
	kept?: string;
	merged?: string;
	declarations_moved: number;
};

type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

async function bulkWrite(client: CouchClient, database: string, docs: CouchDoc[]): Promise<void> {
	for (let start = 0; start < docs.length; start += WRITE_BATCH) {
		const results = await client.json<BulkResult[]>(`${database}/_bulk_docs`, {
			method: 'POST',
			body: { docs: docs.slice(start, start + WRITE_BATCH) }
		});
		const failed = results.find((result) => !result.ok);
		if (failed?.error === 'conflict') throw new Refusal(409, 'registry.write_conflict');
		if (failed) throw new Error(`Writing ${failed.id}: ${failed.error} ${failed.reason ?? ''}`);
	}
}

async function loadItem(client: CouchClient, database: string, id: string): Promise<StoredReview> {
	const item = await client.getDoc<StoredReview>(database, id);
	if (!item || item.type !== 'review_item') throw new Refusal(404, 'gateway.not_found');
	return item;
}

async function markDecided(
	client: CouchClient,
	database: string,
	item: StoredReview,
	author: Author,
	outcome: DecisionOutcome
): Promise<void> {
	await bulkWrite(client, database, [
		{
			...item,
			state: outcome.state,
			decided_at: author.at,
			decided_by: author.user,
			...(outcome.kept ? { kept: outcome.kept, merged: outcome.merged } : {}),
			...(outcome.state === 'merged' ? { declarations_moved: outcome.declarations_moved } : {})
		}
	]);
}

function aliasDoc(ward: string, from: string, to: string, author: Author, rev?: string): CouchDoc {
	const alias: RecordAlias = {
		type: 'record_alias',
		ward,
		from,
		to,
		reason: 'merge',
		at: author.at,
		by: author.user
	};
	return { _id: aliasDocId(from), ...(rev ? { _rev: rev } : {}), ...alias };
}

/** The merged person's declarations, each under the kept person's place. */
function repointed(
	declarations: Iterable<Declaration & { _id: string; _rev: string }>,
	kept: Person,
	author: Author
): CouchDoc[] {
	const docs: CouchDoc[] = [];
	for (const declaration of declarations) {
		const { _id, _rev, ...fields } = declaration;
		const built = checked(
			{
				...fields,
				id: _id,
				person: kept.id,
				household: kept.household,
				group: kept.group,
				stamp: stampOf(author)
			},
			_rev
		);
		if (!built.ok) throw new Error(`Declaration ${_id} cannot be moved: ${built.reason}`);
		docs.push(built.doc);
	}
	return docs;
}

async function merge(
	client: CouchClient,
	ward: string,
	item: StoredReview,
	keepId: string,
	author: Author
): Promise<DecisionOutcome> {
	const database = wardDatabaseName(ward);
	if (!item.persons.includes(keepId)) throw new Refusal(400, 'gateway.bad_request');
	const mergedId = item.persons[0] === keepId ? item.persons[1] : item.persons[0];
	const people = await docsByIds<Person>(client, database, [keepId, mergedId]);
	const keptDoc = people.get(keepId);
	if (!keptDoc) throw new Refusal(404, 'gateway.not_found');
	const kept = asRecord<Person>(keptDoc);
	const mergedDoc = people.get(mergedId);

	const heldAlias = await client.getDoc<RecordAlias & { _rev: string }>(
		database,
		aliasDocId(mergedId)
	);
	if (heldAlias?.to !== keepId) {
		await bulkWrite(client, database, [aliasDoc(ward, mergedId, keepId, author, heldAlias?._rev)]);
	}

	const declarationIds = (await declarationsOf(client, database, [mergedId])).get(mergedId) ?? [];
	const declarations = await docsByIds<Declaration>(client, database, declarationIds);
	await bulkWrite(client, database, repointed(declarations.values(), kept, author));

	if (mergedDoc) {
		const merged = asRecord<Person>(mergedDoc);
		const wanted: Partial<Record<string, string>> = {};
		for (const field of FILLED_FIELDS) {
			if (kept[field] === undefined && merged[field] !== undefined) wanted[field] = merged[field];
		}
		const fill = Object.keys(wanted);
		if (fill.length > 0) {
			const built = updatedRecord(kept, wanted, fill, PERSON_EDITABLE_FIELDS, author);
			if (!built.ok)
				throw new Error(`Person ${keepId} cannot take the merged fields: ${built.reason}`);
			await bulkWrite(client, database, [built.doc]);
		}
		await bulkWrite(client, database, [
			{
				_id: mergedId,
				_rev: merged._rev,
				_deleted: true,
				type: 'person',
				ward: merged.ward,
				group: merged.group,
				household: merged.household,
				stamp: stampOf(author)
			}
		]);
	}
	return { state: 'merged', kept: keepId, merged: mergedId, declarations_moved: declarations.size };
}

export async function decideReview(
	client: CouchClient,
	ward: string,
	reviewId: string,
	decision: Decision,
	author: Author
): Promise<DecisionOutcome> {
	const database = wardDatabaseName(ward);
	const item = await loadItem(client, database, reviewId);
	if (item.ward !== ward) throw new Refusal(404, 'gateway.not_found');
	if (item.state !== 'open') throw new Refusal(409, 'registry.review_decided');
	const outcome =
		decision.action === 'keep_apart'
			? { state: 'kept_apart' as const, declarations_moved: 0 }
			: await merge(client, ward, item, decision.keep, author);
	await markDecided(client, database, item, author, outcome);
	return outcome;
}
