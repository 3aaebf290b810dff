// The demo accounts, stored as the app server reads them (`user:<username>` in hssk_users)
// with a salted scrypt password. Never in production: anyone can read the password.

import { hashPassword, type PasswordHash } from '../../src/lib/server/auth/password';
import { accountDocId } from '../../src/lib/server/couch/databases';
import type { DemoAccount } from './demo';

export type UserDoc = DemoAccount & {
	_id: string;
	type: 'user';
	password: PasswordHash;
	disabled: boolean;
};

export class DemoAccountsRefused extends Error {
	constructor() {
		super(
			'Không tạo tài khoản demo khi NODE_ENV=production: mật khẩu demo ai cũng biết (với npm start, đặt SEED=0). / ' +
				'Refusing to create demo accounts when NODE_ENV=production: their password is public (for npm start, set SEED=0).'
		);
	}
}

export async function demoUserDoc(account: DemoAccount, password: string): Promise<UserDoc> {
	return {
		_id: accountDocId(account.username),
		type: 'user',
		username: account.username,
		display_name: account.display_name,
		role: account.role,
		org_units: [...account.org_units],
		password: await hashPassword(password),
		disabled: false
	};
}
