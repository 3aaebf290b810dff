// The messages of erasing a household at its request: what the gateway answers a device that
// sends records of an erased household, and what the erasure endpoints refuse. Part of
// MESSAGES (messages.ts).

export const ERASURE_MESSAGES = {
	'erasure.household_erased': {
		vi: 'Hộ gia đình này đã được xóa dữ liệu theo yêu cầu; không thể ghi lại. Nếu cần khai báo lại, hãy liên hệ trạm y tế phường để lập hộ mới',
		en: "This household's data was erased at its request and cannot be written again. To declare again, ask the ward health station to register a new household"
	},
	'erasure.staff_only': {
		vi: 'Chỉ trạm y tế phường xóa dữ liệu hộ gia đình của phường mình',
		en: "Only the ward health station erases a household's data, in its own ward"
	},
	'erasure.resident_only': {
		vi: 'Chỉ hộ gia đình (điện thoại đã quét mã QR của hộ) yêu cầu xóa dữ liệu của hộ mình',
		en: 'Only the household itself (a phone that scanned its QR code) asks to erase its own data'
	},
	'erasure.not_found': {
		vi: 'Không tìm thấy hộ gia đình này trong phường',
		en: 'This household is not in the ward'
	},
	'erasure.already_erased': {
		vi: 'Dữ liệu hộ gia đình này đã được xóa',
		en: "This household's data was already erased"
	},
	'erasure.failed': {
		vi: 'Chưa xóa xong dữ liệu hộ gia đình; hãy thử lại (phần đã xóa không quay lại)',
		en: "The household's data was not fully erased: try again (what was erased stays erased)"
	}
} as const;
