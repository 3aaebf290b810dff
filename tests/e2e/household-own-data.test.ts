// A household's own data on its phone, in a real Chromium page at 360 px: claim the household
// with its QR link, open "your household's data", see the members, download the JSON copy
// and read it back, see the printable page (print media), and ask for the data to be erased:
// the request reaches CouchDB as the ward staff's list reads it, with ids only.

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimOnPage } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import {
	declarationsOf,
	familyOfTwoOrMore,
	householdToken,
	staffCookie,
	WARD_DATABASE,
	type StoredDoc
} from '../support/ward';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	browser = await launchBrowser({ width: 360, height: 740 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('a household sees, copies and asks to erase its data', () => {
	let household: StoredDoc;
	let members: StoredDoc[];

	beforeAll(async () => {
		let headYear: string;
		({ household, members, headYear } = await familyOfTwoOrMore(stack));
		const token = await householdToken(stack, household._id, { issue: true });
		await claimOnPage(page, stack.appUrl, token, headYear);
	});

	it('shows everything the phone holds about the household', async () => {
		await page.getByRole('link', { name: 'Dữ liệu của hộ: xem, tải về, yêu cầu xóa' }).click();
		await page.waitForURL(/\/du-lieu$/);
		await page.getByRole('heading', { level: 1, name: 'Dữ liệu của hộ gia đình' }).waitFor();
		await page.getByRole('heading', { name: `Thành viên (${members.length})` }).waitFor();
		for (const member of members) {
			await page.getByRole('heading', { level: 3, name: member.full_name, exact: true }).waitFor();
		}
		// The consent the household gave with its first declaration, or that it gave none yet.
		const consent = page.getByRole('region', { name: 'Sự đồng ý của hộ' });
		await consent.waitFor();
		const given = (await declarationsOf(stack, household._id))
			.filter((declaration) => declaration.consent)
			.sort((a, b) => b.declared_at.localeCompare(a.declared_at))[0]?.consent;
		// The day as the phone, in its own time zone, writes it.
		const day = given
			? await page.evaluate((at) => {
					const date = new Date(at);
					const pad = (n: number) => String(n).padStart(2, '0');
					return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
				}, given.given_at)
			: '';
		const expected = given
			? `Hộ đã đồng ý ngày ${day} (nội dung phiên bản ${given.text_version}).`
			: 'Hộ chưa đồng ý cho thu thập thông tin sức khỏe.';
		await expect.poll(() => consent.getByText(expected).count()).toBe(1);
	});

	it('downloads a JSON copy holding the household and its members', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Tải về tệp dữ liệu (JSON)' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^hssk-ho-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json$/);
		const path = await download.path();
		const copy = JSON.parse(await readFile(path, 'utf8')) as {
			format: string;
			household: { id: string; head_name: string };
			members: { id: string; full_name: string }[];
		};
		expect(copy.format).toBe('hssk-household-export');
		expect(copy.household.id).toBe(household._id);
		expect(copy.members.map((member) => member.id).sort()).toEqual(
			members.map((member) => member._id).sort()
		);
	});

	it('prints the data without the buttons', async () => {
		await page.emulateMedia({ media: 'print' });
		await page.getByText(/^In ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
		expect(await page.getByRole('button', { name: 'In hoặc lưu thành PDF' }).isVisible()).toBe(
			false
		);
		expect(
			await page
				.getByRole('heading', { level: 3, name: members[0]?.full_name, exact: true })
				.isVisible()
		).toBe(true);
		await page.emulateMedia({ media: 'screen' });
	});

	it('asks for the erasure only once it is understood, and the ward staff see the request', async () => {
		const send = page.getByRole('button', { name: 'Gửi yêu cầu xóa' });
		expect(await send.isDisabled()).toBe(true);
		await page.getByLabel('Tôi hiểu dữ liệu của hộ sẽ bị xóa hẳn').check();
		await send.click();
		await page.getByRole('status').filter({ hasText: 'Đã gửi yêu cầu lúc' }).waitFor();

		const stored = await stack.couch.getDoc<Record<string, unknown>>(
			WARD_DATABASE,
			`erasure_request:${household._id}`
		);
		expect(stored).toMatchObject({ household: household._id, state: 'open' });
		expect(String(stored?.requested_by)).toMatch(/^r-[0-9a-f]{24}$/);
		const text = JSON.stringify(stored);
		for (const member of members) expect(text).not.toContain(member.full_name);

		const cookie = await staffCookie(stack);
		const list = await fetch(`${stack.appUrl}/api/erasure`, { headers: { cookie } });
		const { requests } = (await list.json()) as { requests: { household: string }[] };
		expect(requests.map((request) => request.household)).toEqual([household._id]);
	});
});
