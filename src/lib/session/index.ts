// Signing in and out on this device, online or not, and which screens a session may open.

export type { ClaimOutcome, ClaimPreview, ClaimRefusal, WardContact } from './claim';
export { previewClaim } from './claim';
export { canVerifyOffline, PBKDF2_ITERATIONS } from './password-verifier';
export {
	AGAIN_PARAM,
	entersData,
	guardRedirect,
	HOME_PATH,
	homeFor,
	householdPath,
	NEXT_PARAM,
	readsDeviceRecords,
	safeNextPath,
	SIGN_IN_PATH,
	SUPERVISOR_PATH
} from './route-guard';
export type { SignInMode } from './saved-accounts';
export type { SignInFailure, SignInOutcome, ServerSessionState } from './sign-in';
export { session } from './session.svelte';
export { dataLock } from './data-lock.svelte';
