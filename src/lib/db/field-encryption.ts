// Encrypts the health fields of the device database at rest (docs/decisions/device-encryption.md).
// A storage wrapper between RxDB and Dexie: every document RxDB hands down has the fields its
// schema lists in `encrypted` sealed with AES-GCM under the data key, and every document read
// back is opened again, so queries, replication and the screens see plain records and
// IndexedDB holds none of those values in clear.
//
// The replication's own bookkeeping (its "assumed master state") is a whole copy of each
// record, so its `docData` is always sealed too, whatever its schema says: RxDB's migration
// builds that schema from the version it migrates from, which before encryption had none.

import {
	getPrimaryFieldOfPrimaryKey,
	getProperty,
	setProperty,
	wrapRxStorageInstance,
	type RxDocumentData,
	type RxJsonSchema,
	type RxStorage,
	type RxStorageInstanceCreationParams
} from 'rxdb';
import { base64ToBytes, bytesToBase64 } from '$lib/domain/base64';

/** Marks a sealed value; anything else read back is a document from before encryption. */
export const SEALED_PREFIX = 'hssk-gcm1:';
const IV_BYTES = 12;
/** The title RxDB gives the replication's meta documents (replication-protocol/meta-instance). */
const REPLICATION_META_TITLE = 'RxReplicationProtocolMetaData';
const REPLICATION_META_FIELD = 'docData';

type Json = { [field: string]: unknown };

/** Binds a sealed value to its document and field, so it cannot be moved to another one. */
function associatedData(documentId: unknown, path: string): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(`${String(documentId)}\u0000${path}`);
}

export async function sealValue(
	key: CryptoKey,
	value: unknown,
	documentId: unknown,
	path: string
): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const sealed = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: associatedData(documentId, path) },
		key,
		new TextEncoder().encode(JSON.stringify(value))
	);
	const bytes = new Uint8Array(IV_BYTES + sealed.byteLength);
	bytes.set(iv);
	bytes.set(new Uint8Array(sealed), IV_BYTES);
	return SEALED_PREFIX + bytesToBase64(bytes);
}

export function isSealed(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export async function openValue(
	key: CryptoKey,
	sealed: string,
	documentId: unknown,
	path: string
): Promise<unknown> {
	const bytes = base64ToBytes(sealed.slice(SEALED_PREFIX.length));
	const plain = await crypto.subtle.decrypt(
		{
			name: 'AES-GCM',
			iv: bytes.subarray(0, IV_BYTES),
			additionalData: associatedData(documentId, path)
		},
		key,
		bytes.subarray(IV_BYTES)
	);
	return JSON.parse(new TextDecoder().decode(plain));
}

/** The fields a storage instance seals: the schema's `encrypted`, or the replication copy. */
export function sealedPathsOf(schema: RxJsonSchema<unknown>): string[] {
	if (schema.title === REPLICATION_META_TITLE) return [REPLICATION_META_FIELD];
	return [...(schema.encrypted ?? [])];
}

/** What the storage below is told: sealed fields are strings, and nothing is "encrypted". */
function storedSchema<T>(schema: RxJsonSchema<T>, paths: readonly string[]): RxJsonSchema<T> {
	const stored = structuredClone(schema) as RxJsonSchema<T> & { properties: Json };
	delete stored.encrypted;
	for (const path of paths) {
		const parts = path.split('.');
		let level = stored as unknown as { properties: Json };
		for (const part of parts.slice(0, -1)) level = level.properties[part] as { properties: Json };
		level.properties[parts[parts.length - 1]] = { type: 'string' };
	}
	return stored;
}

/**
 * The storage with the data key's fields sealed. The key is a non-extractable CryptoKey held
 * in memory only (./device-key.ts); nothing here writes it anywhere.
 */
export function withSealedFields<I, O>(storage: RxStorage<I, O>, key: CryptoKey): RxStorage<I, O> {
	return {
		...storage,
		name: `sealed-${storage.name}`,
		async createStorageInstance<D>(params: RxStorageInstanceCreationParams<D, O>) {
			const paths = sealedPathsOf(params.schema as RxJsonSchema<unknown>);
			if (paths.length === 0) return storage.createStorageInstance(params);
			const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
			const instance = await storage.createStorageInstance<D>({
				...params,
				schema: storedSchema(params.schema, paths)
			});
			const toStorage = async (document: Json) => {
				const copy = structuredClone(document);
				for (const path of paths) {
					const value = getProperty(copy, path);
					if (value === undefined || isSealed(value)) continue;
					setProperty(copy, path, await sealValue(key, value, copy[primaryPath], path));
				}
				return copy;
			};
			const fromStorage = async (document: Json) => {
				const copy = { ...document };
				for (const path of paths) {
					const value = getProperty(copy, path);
					if (!isSealed(value)) continue;
					if (path.includes('.')) {
						const clone = structuredClone(copy);
						setProperty(clone, path, await openValue(key, value, copy[primaryPath], path));
						Object.assign(copy, clone);
					} else {
						copy[path] = await openValue(key, value, copy[primaryPath], path);
					}
				}
				return copy;
			};
			return wrapRxStorageInstance<D>(
				params.schema,
				instance,
				toStorage,
				fromStorage as (document: Json) => Promise<RxDocumentData<D>>
			);
		}
	};
}
