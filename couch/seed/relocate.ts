// The demo ward's records moved to another ward code: the same households and people under
// new ids, so tests and benchmarks get many wards with realistic data without a generator of
// their own. Ids derive from the ward and the original id, so reruns write the same ones.

import { deviceStatusId } from '../../src/lib/domain/device-status';
import type { WardRecord } from '../../src/lib/domain/records';
import type { DemoWard } from './seed-demo';
import { stableUuid } from './random';

function movedId(wardCode: string, id: string | undefined): string | undefined {
	if (id === undefined) return undefined;
	const type = id.slice(0, id.indexOf(':'));
	return `${type}:${stableUuid(`${wardCode}:${id}`)}`;
}

function movedGroup(wardCode: string, group: string): string {
	return `${wardCode}-${group.split('-')[1]}`;
}

function relocate(record: WardRecord, wardCode: string): WardRecord {
	switch (record.type) {
		case 'household':
			return {
				...record,
				id: movedId(wardCode, record.id) as string,
				ward: wardCode,
				group: movedGroup(wardCode, record.group)
			};
		case 'person':
			return {
				...record,
				id: movedId(wardCode, record.id) as string,
				household: movedId(wardCode, record.household) as string,
				ward: wardCode,
				group: movedGroup(wardCode, record.group)
			};
		case 'declaration':
			return {
				...record,
				id: movedId(wardCode, record.id) as string,
				person: movedId(wardCode, record.person) as string,
				household: movedId(wardCode, record.household) as string,
				...(record.corrects ? { corrects: movedId(wardCode, record.corrects) } : {}),
				ward: wardCode,
				group: movedGroup(wardCode, record.group)
			};
		case 'device_status':
			return {
				...record,
				id: deviceStatusId(record.device_id, record.user),
				ward: wardCode
			};
	}
}

export function relocatedWard(ward: DemoWard, wardCode: string): DemoWard {
	const move = (records: WardRecord[]) => records.map((record) => relocate(record, wardCode));
	return {
		households: move(ward.households),
		persons: move(ward.persons),
		declarations: move(ward.declarations),
		device_statuses: move(ward.device_statuses)
	};
}
