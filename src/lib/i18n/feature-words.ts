// The words of the screens past the collaborator's household list (printing, progress,
// ward administration, imports, clashes, the audit log, a household's QR code, erasure). Loaded with
// `import()` by loaded-words.ts, so the first screen does not carry them; the service worker
// precaches this chunk like every other, so they are there offline.

import { AUDIT_WORDS } from './words-audit';
import { CLASH_WORDS } from './words-clash';
import { ERASURE_WORDS } from './words-erasure';
import { CONSENT_WORDS } from './words-consent';
import { CONSENT_TEXT_WORDS } from './words-consent-text';
import { HOUSEHOLD_QR_WORDS } from './words-household-qr';
import { ORG_WORDS } from './words-org';
import { PROGRESS_WORDS } from './words-progress';
import { QR_SHEET_WORDS } from './words-qr-sheets';
import { REGISTRY_WORDS } from './words-registry';
import { WARD_WORDS } from './words-ward';

export const FEATURE_WORDS = {
	...QR_SHEET_WORDS,
	...HOUSEHOLD_QR_WORDS,
	...PROGRESS_WORDS,
	...WARD_WORDS,
	...ORG_WORDS,
	...CLASH_WORDS,
	...REGISTRY_WORDS,
	...AUDIT_WORDS,
	...ERASURE_WORDS,
	...CONSENT_WORDS,
	...CONSENT_TEXT_WORDS
} as const;
