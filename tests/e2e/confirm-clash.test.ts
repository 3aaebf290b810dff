// Ward staff confirm a clash in a real Chromium page: two phones changed the head of a
// household's name while offline and the merge kept one for now (written here as the merge
// leaves it). The ward station sees it on its home screen, chooses the replaced name with no
// network, the choice survives a reload offline, and CouchDB holds it once the network is
// back: the chosen name, the clash marked settled, the ward station's stamp.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Household } from '../../src/lib/domain';
import { signInAndSettle, unlockData, waitForWaiting } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const LOST_NAME = 'Phạm Văn Lộc';

type StoredHousehold = Omit<Household, 'id'> & { _id: string; _rev: string };

let stack: Stack;
let browser: Browser;
let page: Page;
let household: StoredHousehold;

async function storedHousehold(id: string): Promise<StoredHousehold> {
	const doc = await stack.couch.getDoc<StoredHousehold>(WARD_DATABASE, id);
	if (!doc) throw new Error(`${id} is not in CouchDB`);
	return doc;
}

/** The household as the merge leaves two offline edits of its head's name. */
async function clashOnHousehold(): Promise<StoredHousehold> {
	const { rows } = await stack.couch.json<{ rows: { doc: StoredHousehold }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"household:"', endkey: '"household:\ufff0"' } }
	);
	const chosen = rows.map((row) => row.doc).find((doc) => doc.group === '26956-01');
	if (!chosen) throw new Error('no household in group 26956-01');
	const kept_edit = {
		n: 1,
		device_id: 'phone-e2e-a',
		by: 'ctv-demo',
		at: '2026-11-30T08:00:00.000Z'
	};
	const lost_edit = {
		n: 1,
		device_id: 'phone-e2e-b',
		by: 'ctv-demo-2',
		at: '2026-11-30T08:05:00.000Z'
	};
	const clashed: StoredHousehold = {
		...chosen,
		edits: [{ field: 'head_name', ...kept_edit }],
		clashes: [{ field: 'head_name', kept: chosen.head_name, lost: LOST_NAME, kept_edit, lost_edit }]
	};
	await stack.couch.json(`${WARD_DATABASE}/${encodeURIComponent(chosen._id)}`, {
		method: 'PUT',
		body: clashed
	});
	return storedHousehold(chosen._id);
}

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	household = await clashOnHousehold();
	browser = await launchBrowser({ width: 360, height: 740 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('ward staff confirm a clashing edit', () => {
	it('see the clash from their home screen, with both names and who typed them', async () => {
		await signInAndSettle(page, stack.appUrl, 'ward-demo');
		await page.getByRole('link', { name: 'Thay đổi trùng cần xác nhận (1)' }).click();
		await page.getByRole('heading', { name: 'Thay đổi trùng cần xác nhận', level: 1 }).waitFor();
		const address = `${household.address.house_number} ${household.address.street}`;
		await page.getByRole('heading', { name: `Hộ ${address}`, level: 2 }).waitFor();
		expect(await page.getByText('Thông tin: Họ tên chủ hộ').count()).toBe(1);
		expect(await page.getByText(/ctv-demo-2, lúc \d\d:\d\d 30\/11\/2026/).count()).toBe(1);
		expect(await page.getByRole('button', { name: `Chọn “${household.head_name}”` }).count()).toBe(
			1
		);
	});

	it('choose the replaced name with no network, and the choice stays through a reload', async () => {
		await browser.context.setOffline(true);
		await page.getByRole('button', { name: `Chọn “${LOST_NAME}”` }).click();
		await page.getByText(`Đã xác nhận “${LOST_NAME}” trên máy.`, { exact: false }).waitFor();
		await waitForWaiting(page, 1);
		await page.reload();
		await unlockData(page);
		await page.getByText('Không có thay đổi trùng nào cần xác nhận.').waitFor();
		await waitForWaiting(page, 1);
		expect((await storedHousehold(household._id)).head_name).toBe(household.head_name);
	});

	it('send the choice when the network returns: CouchDB holds it, settled and stamped', async () => {
		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		const stored = await storedHousehold(household._id);
		expect(stored.head_name).toBe(LOST_NAME);
		expect(stored.clashes).toEqual([
			expect.objectContaining({
				lost: LOST_NAME,
				settled: expect.objectContaining({ choice: 'lost', by: 'ward-demo', n: 2 })
			})
		]);
		expect(stored.edits).toEqual([expect.objectContaining({ field: 'head_name', n: 2 })]);
		expect(stored.stamp).toMatchObject({ by: 'ward-demo' });
		await page.goto(`${stack.appUrl}/`);
		await unlockData(page);
		await page.locator('a.household').first().waitFor();
		expect(await page.getByRole('link', { name: /Thay đổi trùng cần xác nhận/ }).count()).toBe(0);
	});
});
