// Every word of the interface, Vietnamese first and English second, so a missing translation
// is a type error and a test failure rather than a blank on someone's phone. One table a
// feature; rule messages (validation) live in the domain's MESSAGES. The screens read the
// words through loaded-words.ts (the first screen's tables at once, the rest on demand); this
// whole table is the keys' type and what the tests check.

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

export const UI = {
	...CORE_WORDS,
	...QR_SHEET_WORDS,
	...SCANNER_WORDS,
	...RESIDENT_WORDS,
	...HOUSEHOLD_QR_WORDS,
	...PROGRESS_WORDS,
	...WARD_WORDS,
	...ORG_WORDS,
	...CLASH_WORDS,
	...DURABLE_WORDS,
	...REGISTRY_WORDS,
	...AUDIT_WORDS,
	...ERASURE_WORDS,
	...DEVICE_DATA_WORDS,
	...CONSENT_WORDS,
	...CONSENT_TEXT_WORDS
} as const;

export type UiKey = keyof typeof UI;
