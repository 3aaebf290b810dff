// The words that keep what was typed on the phone: how long unsent records have waited, the
// browser's storage warnings, and the iPhone's "add to home screen" prompt.

export const DURABLE_WORDS = {
	'sync.oldest.now': { vi: 'vừa lưu', en: 'just saved' },
	'sync.oldest.minute': { vi: 'lâu nhất 1 phút', en: 'oldest 1 minute' },
	'sync.oldest.minutes': { vi: 'lâu nhất {count} phút', en: 'oldest {count} minutes' },
	'sync.oldest.hour': { vi: 'lâu nhất 1 giờ', en: 'oldest 1 hour' },
	'sync.oldest.hours': { vi: 'lâu nhất {count} giờ', en: 'oldest {count} hours' },
	'sync.oldest.day': { vi: 'lâu nhất 1 ngày', en: 'oldest 1 day' },
	'sync.oldest.days': { vi: 'lâu nhất {count} ngày', en: 'oldest {count} days' },

	'storage.refused': {
		vi: 'Trình duyệt chưa hứa giữ dữ liệu của ứng dụng: khi máy đầy bộ nhớ, những gì chưa gửi có thể bị xóa. Hãy đồng bộ khi có mạng, và thêm ứng dụng vào màn hình chính.',
		en: "The browser has not promised to keep this app's data: when the phone runs out of space, what has not been sent may be deleted. Sync when you have a connection, and add the app to the home screen."
	},
	'storage.space_short': {
		vi: 'Trình duyệt sắp hết chỗ lưu dành cho ứng dụng (còn khoảng {megabytes} MB): những lần lưu sau có thể không được. Hãy đồng bộ sớm và giải phóng bộ nhớ của máy.',
		en: 'The browser has almost no room left for this app (about {megabytes} MB): the next saves may fail. Sync soon and free up space on the phone.'
	},
	'storage.dismiss': { vi: 'Đã hiểu', en: 'Got it' },

	'home_screen.title': {
		vi: 'Thêm ứng dụng vào màn hình chính',
		en: 'Add the app to your home screen'
	},
	'home_screen.why': {
		vi: 'Safari tự xóa dữ liệu của trang web sau 7 ngày không mở. Khi mở từ màn hình chính, những gì bạn đã khai báo được giữ trên máy.',
		en: "Safari deletes a website's data after 7 days without a visit. Opened from the home screen, what you declared stays on the phone."
	},
	'home_screen.step_share': {
		vi: 'Bấm nút Chia sẻ (ô vuông có mũi tên đi lên).',
		en: 'Tap the Share button (the square with an arrow pointing up).'
	},
	'home_screen.step_add': {
		vi: 'Chọn “Thêm vào MH chính”, rồi bấm “Thêm”.',
		en: 'Choose “Add to Home Screen”, then tap “Add”.'
	},
	'home_screen.step_open': {
		vi: 'Từ nay, mở ứng dụng bằng biểu tượng trên màn hình chính.',
		en: 'From now on, open the app from its icon on the home screen.'
	},
	'home_screen.dismiss': { vi: 'Đã hiểu, ẩn đi', en: 'Got it, hide this' }
} as const satisfies Record<string, { vi: string; en: string }>;
