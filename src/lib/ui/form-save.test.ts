import { describe, expect, it } from 'vitest';
import { FormSave } from './form-save.svelte';

const PROBLEM = { path: 'health.systolic', key: 'systolic.range' } as const;

describe('FormSave', () => {
	it('refuses to write while problems stand, counting each refusal', () => {
		const save = new FormSave();
		expect(save.accept([PROBLEM])).toBe(false);
		expect(save.accept([PROBLEM])).toBe(false);
		expect(save.attempt).toBe(2);
		expect(save.accept([])).toBe(true);
		expect(save.problems).toEqual([]);
	});

	it('hands the saved record on and is not busy after', async () => {
		const save = new FormSave();
		const saved: string[] = [];
		await save.write(
			async () => ({ ok: true, record: 'declaration:1' }),
			(id) => saved.push(id)
		);
		expect(saved).toEqual(['declaration:1']);
		expect(save.busy).toBe(false);
	});

	it('shows the problems a write returns and saves nothing', async () => {
		const save = new FormSave();
		const saved: string[] = [];
		await save.write(
			async () => ({ ok: false, problems: [PROBLEM] }),
			(id: string) => saved.push(id)
		);
		expect(saved).toEqual([]);
		expect(save.problems).toEqual([PROBLEM]);
		expect(save.attempt).toBe(1);
	});

	it('shows a failed write and ignores a second tap while saving', async () => {
		const save = new FormSave();
		let release: () => void = () => {};
		const writes: number[] = [];
		const first = save.write(
			() =>
				new Promise((_resolve, reject) => {
					writes.push(1);
					release = () => reject(new Error('QuotaExceededError'));
				}),
			() => {}
		);
		expect(save.busy).toBe(true);
		await save.write(
			async () => {
				writes.push(2);
				return { ok: true, record: 'x' };
			},
			() => {}
		);
		release();
		await first;
		expect(writes).toEqual([1]);
		expect(save.writeError).toBe('QuotaExceededError');
		expect(save.busy).toBe(false);
	});
});
