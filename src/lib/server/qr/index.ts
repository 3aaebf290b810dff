// One QR store and one claim service for the process (their throttles are per process).

import { authenticator } from '../auth/caller';
import { couch } from '../config';
import { HouseholdClaims } from './claim';
import { QrStore } from './qr-store';

let store: QrStore | undefined;
let claims: HouseholdClaims | undefined;

export function qrStore(): QrStore {
	store ??= new QrStore(couch());
	return store;
}

export function householdClaims(): HouseholdClaims {
	claims ??= new HouseholdClaims(couch(), qrStore(), authenticator().locateHousehold);
	return claims;
}
