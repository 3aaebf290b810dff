// Ids are made on the device so that a record exists before it ever reaches the server, and
// carry their type so the gateway can route even a bare deletion tombstone.

export const RECORD_TYPES = ['household', 'person', 'declaration', 'device_status'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ID_PATTERN = new RegExp(`^(household|person|declaration|device_status):${UUID}$`);

export function newId(type: RecordType): string {
	return `${type}:${crypto.randomUUID()}`;
}

export function isRecordId(id: string, type?: RecordType): boolean {
	return ID_PATTERN.test(id) && (type === undefined || id.startsWith(`${type}:`));
}

export function recordTypeOf(id: string): RecordType | null {
	const type = id.slice(0, id.indexOf(':'));
	return (RECORD_TYPES as readonly string[]).includes(type) ? (type as RecordType) : null;
}

/** A ward code is the official 5-digit code; a group code is `<ward>-<nn>`. */
export const WARD_CODE = /^\d{5}$/;
export const GROUP_CODE = /^\d{5}-\d{2,3}$/;

export function wardOfGroup(groupCode: string): string {
	return groupCode.split('-')[0];
}

/** CouchDB database names must start with a letter. */
export function wardDatabaseName(wardCode: string): string {
	return `ward_${wardCode}`;
}

export function wardCodeOfDatabase(database: string): string | null {
	const match = /^ward_(\d{5})$/.exec(database);
	return match ? match[1] : null;
}
