// A first or reset password that ward staff read out to a collaborator: ten characters from
// an alphabet no one misreads, about 50 bits, hashed slowly like any other password.

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const TEMPORARY_PASSWORD_LENGTH = 10;

export function temporaryPassword(): string {
	const limit = 256 - (256 % ALPHABET.length);
	let password = '';
	while (password.length < TEMPORARY_PASSWORD_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
			if (byte < limit && password.length < TEMPORARY_PASSWORD_LENGTH) {
				password += ALPHABET[byte % ALPHABET.length];
			}
		}
	}
	return password;
}
