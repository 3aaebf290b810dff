import { describe, expect, it } from 'vitest';
import { parseBasic } from './authenticator';

function header(text: string): string {
	return 'Basic ' + Buffer.from(text).toString('base64');
}

describe('parseBasic', () => {
	it('reads the username as sign-in does and keeps the password as typed', () => {
		expect(parseBasic(header(' CTV-Demo :pa:ss word'))).toEqual({
			username: 'ctv-demo',
			password: 'pa:ss word'
		});
	});

	it('refuses headers that are not Basic credentials', () => {
		expect(parseBasic('Bearer abc')).toBeNull();
		expect(parseBasic(header('no-colon'))).toBeNull();
		expect(parseBasic(header(':password-only'))).toBeNull();
		expect(parseBasic(header('user:'))).toBeNull();
	});
});
