// The words the device holds from the start: everything the collaborator's household list and
// the frame around every screen say (header, sync bar, storage and home-screen notices, the
// resident's hotline, the scan button). first-words.test.ts checks those screens against it.

import { CORE_WORDS } from './words-core';
import { DEVICE_DATA_WORDS } from './words-device-data';
import { DURABLE_WORDS } from './words-durable';
import { RESIDENT_WORDS } from './words-resident';
import { SCANNER_WORDS } from './words-scanner';

export const FIRST_WORDS = {
	...CORE_WORDS,
	...SCANNER_WORDS,
	...RESIDENT_WORDS,
	...DURABLE_WORDS,
	// The lock screen and the sign-out dialog belong to the frame of every screen.
	...DEVICE_DATA_WORDS
} as const;
