// The version chain of every collection, in one place. A phone may skip any number of app
// releases, so each change of a zod schema that alters stored documents adds one step at the
// end of its collection's `steps` (never edits an old one): the schema version is the number
// of steps, and RxDB runs the steps a stored document has not seen, in order, on open.
//
// To change a record: edit its zod schema in src/lib/domain, then append here a step that
// turns a document of the previous version into one the new schema accepts (fill a default,
// rename a field). src/lib/db/migration.test.ts shows the path.
//
// Documents carry no version of their own, and the server holds whatever older and newer
// devices pushed, so every pulled document also runs through the whole chain
// (`upgradeDocument`). A step must therefore leave a document that already has its change as
// it is (`qr_state: previous.qr_state ?? 'active'`), and never drops a document: the server
// would still hold it.

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { z } from 'zod';
import { DeclarationSchema, DeviceStatusSchema, HouseholdSchema, PersonSchema } from '$lib/domain';
import type { CollectionName, DocumentOf } from './collections';
import { deriveRxSchema } from './json-schema';

/** A stored document as a migration step sees it: plain JSON of the previous version. */
export type StoredDocument = { [field: string]: unknown };
export type MigrationStep = (previous: StoredDocument) => StoredDocument;

export type CollectionDefinition = {
	zod: z.ZodType;
	/** One step per version after 0, oldest first. */
	steps: readonly MigrationStep[];
	indexes: (string | string[])[];
	maxLengths: Record<string, number>;
	/**
	 * Fields sealed at rest (docs/decisions/device-encryption.md). Sealing a field changes the
	 * stored shape, so it comes with a step: RxDB then moves every stored document, unsent ones
	 * included, into the sealed shape on open.
	 */
	encrypted: string[];
};

export type CollectionDefinitions = Record<CollectionName, CollectionDefinition>;

/**
 * Version 1 of households and persons: `edits` and `clashes` (field-by-field merging) are
 * optional, so a stored document is already valid as it is; the step exists because RxDB
 * refuses a changed schema under the same version number.
 */
const ADD_FIELD_EDITS: MigrationStep = (previous) => previous;
/** Version 2: a clash may carry ward staff's `settled` confirmation; optional, as above. */
const ADD_CLASH_SETTLEMENT: MigrationStep = (previous) => previous;

/**
 * The step that seals health fields on the device: documents keep their plain shape (only
 * the storage below RxDB sees the sealed one), and RxDB writes each into the new version's
 * storage, which seals it.
 */
const SEAL_HEALTH_FIELDS: MigrationStep = (previous) => previous;

/**
 * Version 2 of declarations: a new one carries the household's `consent`; optional in the
 * stored shape, so a stored document is valid as it is. One saved before consent existed and
 * still waiting is refused by the gateway (`consent.missing`) and stays on the device
 * (docs/decisions/consent.md).
 */
const ADD_CONSENT: MigrationStep = (previous) => previous;

/** `<ward>-<nn>` or `<ward>-<nnn>`. */
const GROUP_MAX_LENGTH = 9;
/** An ISO timestamp with offset and milliseconds is 29 characters; allow finer clocks. */
const TIMESTAMP_MAX_LENGTH = 40;
const RECORD_ID_MAX_LENGTH = 100;

export const COLLECTION_DEFINITIONS: CollectionDefinitions = {
	households: {
		zod: HouseholdSchema,
		steps: [ADD_FIELD_EDITS, ADD_CLASH_SETTLEMENT],
		indexes: ['group'],
		maxLengths: { group: GROUP_MAX_LENGTH },
		encrypted: []
	},
	persons: {
		zod: PersonSchema,
		steps: [ADD_FIELD_EDITS, ADD_CLASH_SETTLEMENT, SEAL_HEALTH_FIELDS],
		indexes: ['household'],
		maxLengths: { household: RECORD_ID_MAX_LENGTH },
		// The health insurance number, and the clashes, which can hold an old one.
		encrypted: ['insurance_number', 'clashes']
	},
	declarations: {
		zod: DeclarationSchema,
		steps: [SEAL_HEALTH_FIELDS, ADD_CONSENT],
		// A person's history newest last, and a household's visits for its members at once.
		indexes: [
			['person', 'declared_at'],
			['household', 'declared_at']
		],
		maxLengths: {
			person: RECORD_ID_MAX_LENGTH,
			household: RECORD_ID_MAX_LENGTH,
			declared_at: TIMESTAMP_MAX_LENGTH
		},
		encrypted: ['health']
	},
	device_statuses: {
		zod: DeviceStatusSchema,
		steps: [],
		indexes: [],
		maxLengths: {},
		encrypted: []
	}
};

export function schemaVersionOf(definition: CollectionDefinition): number {
	return definition.steps.length;
}

export function rxSchemaOf<N extends CollectionName>(
	name: N,
	definition: CollectionDefinition
): RxJsonSchema<DocumentOf[N]> {
	return deriveRxSchema<DocumentOf[N]>(definition.zod, {
		title: name,
		version: schemaVersionOf(definition),
		indexes: definition.indexes,
		maxLengths: definition.maxLengths,
		encrypted: definition.encrypted
	});
}

/** RxDB's form of the chain: the step that produces version n is keyed n. */
export function migrationStrategiesOf(definition: CollectionDefinition): MigrationStrategies {
	return Object.fromEntries(
		definition.steps.map((step, index) => [index + 1, (previous: StoredDocument) => step(previous)])
	);
}

/** A document of any earlier version (or of this one) as the current version stores it. */
export function upgradeDocument<T>(definition: CollectionDefinition, document: T): T {
	return definition.steps.reduce<StoredDocument>(
		(current, step) => step(current),
		document as StoredDocument
	) as T;
}
