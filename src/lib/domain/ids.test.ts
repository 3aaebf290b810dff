import { describe, expect, it } from 'vitest';
import {
	isRecordId,
	newId,
	recordTypeOf,
	wardCodeOfDatabase,
	wardDatabaseName,
	wardOfGroup
} from './ids';

describe('ids', () => {
	it('makes typed ids that parse back', () => {
		const id = newId('declaration');
		expect(isRecordId(id, 'declaration')).toBe(true);
		expect(isRecordId(id, 'person')).toBe(false);
		expect(recordTypeOf(id)).toBe('declaration');
		expect(newId('declaration')).not.toBe(id);
	});
	it('refuses foreign ids', () => {
		expect(isRecordId('_design/progress')).toBe(false);
		expect(isRecordId('household:1')).toBe(false);
		expect(recordTypeOf('_local/x')).toBeNull();
	});
	it('names ward databases', () => {
		expect(wardDatabaseName('26956')).toBe('ward_26956');
		expect(wardCodeOfDatabase('ward_26956')).toBe('26956');
		expect(wardCodeOfDatabase('hssk_users')).toBeNull();
		expect(wardOfGroup('26956-03')).toBe('26956');
	});
});
