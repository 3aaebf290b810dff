// RxDB needs a JSON schema per collection; the zod schema of the domain is the only place the
// fields are written down, so this turns one into the other and adds what RxDB alone needs
// (primary key, version, indexes, and length bounds on indexed fields).

import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';

type JsonObject = { [key: string]: unknown };

export type DerivedSchemaOptions = {
	version: number;
	title: string;
	/** Each entry is a field or a compound index; the primary key is appended by RxDB. */
	indexes: (string | string[])[];
	/**
	 * Upper bounds of indexed strings the zod schema leaves open (a regex or a refinement
	 * bounds them in fact, not in the JSON schema). RxDB builds index keys of fixed width.
	 */
	maxLengths: Record<string, number>;
	/** Fields sealed at rest on the device (./field-encryption.ts); never indexed or queried. */
	encrypted?: string[];
};

export const ID_MAX_LENGTH = 100;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites the parts of zod's draft-07 output that RxDB's schema type does not know. */
function adapt(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(adapt);
	if (!isObject(node)) return node;
	const result: JsonObject = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === '$schema') continue;
		if (key === 'const') {
			result.enum = [value];
			continue;
		}
		result[key] = adapt(value);
	}
	return result;
}

function withMaxLength(properties: JsonObject, field: string, maxLength: number): void {
	const property = properties[field];
	if (!isObject(property) || property.type !== 'string') {
		throw new Error(`Indexed field "${field}" is not a string in the zod schema`);
	}
	const current = typeof property.maxLength === 'number' ? property.maxLength : Infinity;
	properties[field] = { ...property, maxLength: Math.min(current, maxLength) };
}

/**
 * The input side of the zod schema (what a form or the wire hands in) is the stored shape:
 * transforms only normalise strings, so both sides have the same fields and types.
 */
export function deriveRxSchema<T>(
	schema: z.ZodType,
	options: DerivedSchemaOptions
): RxJsonSchema<T> {
	const generated = adapt(
		z.toJSONSchema(schema, { io: 'input', target: 'draft-07', reused: 'inline' })
	);
	if (!isObject(generated) || !isObject(generated.properties)) {
		throw new Error(`The zod schema of ${options.title} is not an object`);
	}
	const properties: JsonObject = { ...generated.properties };
	withMaxLength(properties, 'id', ID_MAX_LENGTH);
	for (const [field, maxLength] of Object.entries(options.maxLengths)) {
		withMaxLength(properties, field, maxLength);
	}
	const required = Array.isArray(generated.required) ? (generated.required as string[]) : [];
	for (const field of options.indexes.flat()) {
		if (!required.includes(field)) {
			throw new Error(`Indexed field "${field}" of ${options.title} must be required`);
		}
		if (!isObject(properties[field]) || !('maxLength' in (properties[field] as JsonObject))) {
			throw new Error(`Indexed field "${field}" of ${options.title} needs a maxLength`);
		}
	}
	for (const field of options.encrypted ?? []) {
		if (options.indexes.flat().includes(field)) {
			throw new Error(`Field "${field}" of ${options.title} cannot be both indexed and sealed`);
		}
		if (!isObject(properties[field])) {
			throw new Error(`Sealed field "${field}" is not in the schema of ${options.title}`);
		}
	}
	return {
		title: options.title,
		version: options.version,
		primaryKey: 'id',
		type: 'object',
		properties,
		required,
		indexes: options.indexes,
		...(options.encrypted?.length ? { encrypted: options.encrypted } : {})
	} as RxJsonSchema<T>;
}
