// The words of a household's QR code as ward staff manage it on the household's page.

export const HOUSEHOLD_QR_WORDS = {
	'household_qr.title': { vi: 'Mã QR của hộ', en: "The household's QR code" },
	'household_qr.loading': { vi: 'Đang xem mã QR…', en: 'Loading the QR code…' },
	'household_qr.offline': {
		vi: 'Cần có mạng để xem và quản lý mã QR.',
		en: 'Managing QR codes needs the internet.'
	},
	'household_qr.failed': {
		vi: 'Không đọc được mã QR: {reason}',
		en: 'Could not read the QR code: {reason}'
	},
	'household_qr.none': {
		vi: 'Hộ này chưa có mã QR.',
		en: 'This household has no QR code yet.'
	},
	'household_qr.active': {
		vi: 'Đang dùng, cấp ngày {date}. Mã in kèm: {code}.',
		en: 'In use, issued {date}. Printed code: {code}.'
	},
	'household_qr.revoked': {
		vi: 'Đã thu hồi: tờ hướng dẫn cũ không còn dùng được.',
		en: 'Revoked: the old instruction sheet no longer works.'
	},
	'household_qr.phones': {
		vi: 'Đã mở trên {count} điện thoại.',
		en: 'Open on {count} phones.'
	},
	'household_qr.issue': { vi: 'Cấp mã QR', en: 'Issue a QR code' },
	'household_qr.reissue': { vi: 'Cấp mã mới', en: 'Issue a new code' },
	'household_qr.reissue_confirm': {
		vi: 'Cấp mã mới? Tờ hướng dẫn đang dán ở nhà sẽ không dùng được nữa; các điện thoại đã mở vẫn dùng tiếp.',
		en: 'Issue a new code? The sheet at the door stops working; phones already open keep working.'
	},
	'household_qr.revoke': {
		vi: 'Thu hồi mã và các điện thoại',
		en: 'Revoke the code and the phones'
	},
	'household_qr.revoke_confirm': {
		vi: 'Thu hồi mã QR? Tờ hướng dẫn và mọi điện thoại đã mở hồ sơ hộ này sẽ ngừng gửi được.',
		en: "Revoke the QR code? The sheet and every phone that opened this household's record stop working."
	},
	'household_qr.busy': { vi: 'Đang xử lý…', en: 'Working…' },
	'household_qr.print': { vi: 'In tờ hướng dẫn của tổ', en: "Print the group's sheets" },
	'household_qr.done_issue': { vi: 'Đã cấp mã mới.', en: 'A new code was issued.' },
	'household_qr.done_revoke': { vi: 'Đã thu hồi.', en: 'Revoked.' }
} as const satisfies Record<string, { vi: string; en: string }>;
