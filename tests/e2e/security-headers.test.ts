// The Content Security Policy in a real Chromium: the app's pages run (Kit's inline start-up
// script is allowed by its hash, nothing else inline), and another page cannot frame the app.
// Every other end-to-end test also fails on anything the policy refuses (tests/support/browser.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
	stack = await startStack({ households: 3 });
	browser = await launchBrowser({ width: 360, height: 740, allowCspViolations: true });
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('the Content Security Policy', () => {
	it('lets the pages run and refuses a script the page did not bring', async () => {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		await page.goto(`${stack.appUrl}/dang-nhap`);
		await page.getByLabel('Tên đăng nhập').waitFor();
		expect(browser.cspViolations()).toEqual([]);
		// Script injected into the page (as an XSS would) does not run.
		const ran = await page.evaluate(async () => {
			const marker = 'hssk-injected';
			const script = document.createElement('script');
			script.textContent = `document.body.dataset.injected = '${marker}'`;
			document.body.append(script);
			await new Promise((resolve) => setTimeout(resolve, 200));
			return document.body.dataset.injected === marker;
		});
		expect(ran).toBe(false);
		await expect.poll(() => browser.cspViolations().join('\n')).toMatch(/script-src/);
	});

	it('cannot be framed by another page', async () => {
		const page = await browser.context.newPage();
		await page.setContent(`<iframe title="app" src="${stack.appUrl}/dang-nhap"></iframe>`);
		await expect.poll(() => browser.cspViolations().join('\n')).toMatch(/frame-ancestors/);
		const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
		const fields = frame
			? await frame
					.locator('input')
					.count()
					.catch(() => 0)
			: 0;
		expect(fields).toBe(0);
	});
});
