// A household's phone that loses its credential loses nothing: ward staff revoke the code and
// the phones from the household's page while the phone holds an unsent declaration; the
// phone says plainly what to do, keeps the declaration, and sends it once the family scans
// the new sheet. Real Chromium pages for both, against the real embedded server.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	claimOnPage,
	saveDeclaration,
	signInAndSettle,
	unlockData,
	waitForWaiting
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { declarationsOf, familyOfTwoOrMore, householdToken, type StoredDoc } from '../support/ward';

let stack: Stack;
let phone: Browser;
let office: Browser;
let resident: Page;
let staff: Page;

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	phone = await launchBrowser({ width: 360, height: 740 });
	office = await launchBrowser({ width: 1024, height: 800 });
	resident = phone.context.pages()[0] ?? (await phone.context.newPage());
	staff = office.context.pages()[0] ?? (await office.context.newPage());
	staff.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
	await phone?.close();
	await office?.close();
	await stack?.stop();
});

describe('a revoked phone keeps what it declared', () => {
	let household: StoredDoc;
	let member: StoredDoc;
	let headYear: string;
	let householdUrl: string;

	beforeAll(async () => {
		let members: StoredDoc[];
		({ household, members, headYear } = await familyOfTwoOrMore(stack, 1));
		member = members[0];
		const token = await householdToken(stack, household._id, { issue: true });
		await claimOnPage(resident, stack.appUrl, token, headYear);
		householdUrl = resident.url();
	});

	it('declares offline and holds the declaration', async () => {
		await phone.context.setOffline(true);
		await resident.getByRole('link', { name: `Khai báo sức khỏe — ${member.full_name}` }).click();
		await resident.getByLabel('Chiều cao (cm)').fill('163');
		await saveDeclaration(resident);
		await resident.waitForURL(householdUrl);
		await waitForWaiting(resident, 1);
	});

	it('lets ward staff see the phone and revoke the code and the phones', async () => {
		await signInAndSettle(staff, stack.appUrl, 'ward-demo');
		await staff.goto(`${stack.appUrl}${new URL(householdUrl).pathname}`);
		await unlockData(staff);
		const panel = staff.getByRole('region', { name: 'Mã QR của hộ' });
		await panel.getByText('Đã mở trên 1 điện thoại.').waitFor();
		await panel.getByRole('button', { name: 'Thu hồi mã và các điện thoại' }).click();
		await panel.getByText('Đã thu hồi.').waitFor();
		await panel.getByText('tờ hướng dẫn cũ không còn dùng được', { exact: false }).waitFor();
		await panel.getByRole('button', { name: 'Cấp mã QR' }).click();
		await panel.getByText('Đã cấp mã mới.').waitFor();
		await panel.getByText(/Đang dùng, cấp ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
	});

	it('tells the phone to scan again when it comes back online, and still holds the declaration', async () => {
		await phone.context.setOffline(false);
		await resident
			.getByText('Điện thoại này không còn quyền gửi hồ sơ của hộ', { exact: false })
			.waitFor();
		await waitForWaiting(resident, 1);
		expect(
			(await declarationsOf(stack, household._id)).filter((doc) => doc.health.height_cm === 163)
		).toHaveLength(0);
	});

	it('sends it after the family scans the new sheet', async () => {
		const fresh = await householdToken(stack, household._id, { issue: false });
		await claimOnPage(resident, stack.appUrl, fresh, headYear);
		expect(resident.url()).toBe(householdUrl);
		await waitForWaiting(resident, 0);
		const sent = (await declarationsOf(stack, household._id)).filter(
			(doc) => doc.health.height_cm === 163
		);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ person: member._id, role: 'resident', channel: 'qr' });
	});
});
