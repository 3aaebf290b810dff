import { describe, expect, it } from 'vitest';
import { UI } from './dictionary';
import { AUDIT_WORDS } from './words-audit';
import { CLASH_WORDS } from './words-clash';
import { CONSENT_WORDS } from './words-consent';
import { CONSENT_TEXT_WORDS } from './words-consent-text';
import { CORE_WORDS } from './words-core';
import { DEVICE_DATA_WORDS } from './words-device-data';
import { DURABLE_WORDS } from './words-durable';
import { ERASURE_WORDS } from './words-erasure';
import { HOUSEHOLD_QR_WORDS } from './words-household-qr';
import { ORG_WORDS } from './words-org';
import { PROGRESS_WORDS } from './words-progress';
import { WARD_WORDS } from './words-ward';
import { QR_SHEET_WORDS } from './words-qr-sheets';
import { REGISTRY_WORDS } from './words-registry';
import { RESIDENT_WORDS } from './words-resident';
import { SCANNER_WORDS } from './words-scanner';
import { loadFeatureWords } from './loaded-words';
import { isLanguage, pickBilingual, translate } from './translate';

describe('interface dictionary', () => {
	it('defines each key in one table only, so no feature overwrites another', () => {
		const tables = [
			CORE_WORDS,
			QR_SHEET_WORDS,
			SCANNER_WORDS,
			RESIDENT_WORDS,
			HOUSEHOLD_QR_WORDS,
			PROGRESS_WORDS,
			WARD_WORDS,
			ORG_WORDS,
			CLASH_WORDS,
			DURABLE_WORDS,
			REGISTRY_WORDS,
			AUDIT_WORDS,
			ERASURE_WORDS,
			DEVICE_DATA_WORDS,
			CONSENT_WORDS,
			CONSENT_TEXT_WORDS
		];
		const keys = tables.flatMap((table) => Object.keys(table));
		expect(keys.length).toBe(Object.keys(UI).length);
	});

	it('has a Vietnamese and an English text for every key', () => {
		for (const [key, entry] of Object.entries(UI)) {
			expect(entry.vi.trim(), key).not.toBe('');
			expect(entry.en.trim(), key).not.toBe('');
		}
	});

	it('uses the same placeholders in both languages', () => {
		const names = (text: string) =>
			[...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
		for (const [key, entry] of Object.entries(UI)) {
			expect(names(entry.en), key).toEqual(names(entry.vi));
		}
	});

	it('writes Vietnamese with its diacritics in NFC form', () => {
		for (const entry of Object.values(UI)) expect(entry.vi).toBe(entry.vi.normalize('NFC'));
		expect(translate('app.name', 'vi')).toBe('Hồ sơ sức khỏe');
	});
});

describe('translate', () => {
	it('fills placeholders in the chosen language', () => {
		expect(translate('sync.waiting', 'vi', { count: 3 })).toBe('3 chưa gửi');
		expect(translate('sync.waiting', 'en', { count: 3 })).toBe('3 not sent');
	});

	it('leaves a placeholder without a value visible instead of printing "undefined"', () => {
		expect(translate('households.no_match', 'en')).toBe('No household matches "{query}".');
	});

	it('recognises only the two languages', () => {
		expect(isLanguage('vi')).toBe(true);
		expect(isLanguage('en')).toBe(true);
		expect(isLanguage('fr')).toBe(false);
		expect(isLanguage(null)).toBe(false);
	});
});

describe('server reasons', () => {
	it('shows the half of a bilingual reason in the chosen language', () => {
		const reason = 'Tài khoản đã bị khóa / The account is disabled';
		expect(pickBilingual(reason, 'vi')).toBe('Tài khoản đã bị khóa');
		expect(pickBilingual(reason, 'en')).toBe('The account is disabled');
		expect(pickBilingual('unauthorized', 'en')).toBe('unauthorized');
	});
});

describe('words loaded on demand', () => {
	it('are there once loadFeatureWords resolved', async () => {
		await loadFeatureWords();
		expect(translate('progress.title', 'en')).toBe(UI['progress.title'].en);
	});
});
