import { describe, expect, it } from 'vitest';
import { summarizeDeclaration } from './declaration-summary';

describe('declaration summary', () => {
	it('lists only what was declared, with choices in words, in either language', () => {
		const health = {
			height_cm: 158.5,
			systolic: 135,
			diastolic: 85,
			chronic_conditions: ['hypertension' as const, 'diabetes' as const],
			smoking: 'never' as const,
			pregnant: false
		};
		expect(summarizeDeclaration({ health }, 'vi')).toEqual([
			{ label: 'Chiều cao (cm)', value: '158,5' },
			{ label: 'Huyết áp (mmHg)', value: '135/85' },
			{ label: 'Bệnh mạn tính', value: 'Tăng huyết áp, Đái tháo đường' },
			{ label: 'Hút thuốc', value: 'Không hút' },
			{ label: 'Đang mang thai', value: 'Không' }
		]);
		expect(summarizeDeclaration({ health }, 'en')[0]).toEqual({
			label: 'Height (cm)',
			value: '158.5'
		});
	});

	it('is empty for nothing declared', () => {
		expect(summarizeDeclaration({ health: {} }, 'vi')).toEqual([]);
	});
});
