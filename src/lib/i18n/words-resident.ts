// The words of the resident's screens: claiming a household by its QR code, the hotline,
// reminders, and what to do when the phone lost its credential.

export const RESIDENT_WORDS = {
	'claim.title': { vi: 'Mở hồ sơ sức khỏe của hộ', en: "Open your household's health record" },
	'claim.intro': {
		vi: 'Miễn phí, không cần tài khoản. Mỗi hộ gia đình tự khai thông tin sức khỏe cơ bản của từng người.',
		en: 'Free, no account needed. Each household declares the basic health data of each member.'
	},
	'claim.checking': { vi: 'Đang kiểm tra mã QR…', en: 'Checking the QR code…' },
	'claim.ward': { vi: 'Phường: {name}', en: 'Ward: {name}' },
	'claim.answer_label': {
		vi: 'Năm sinh của chủ hộ, hoặc mã in dưới mã QR',
		en: 'Year of birth of the head of household, or the code printed under the QR'
	},
	'claim.answer_hint': {
		vi: 'Ví dụ: 1958, hoặc 6 ký tự như K7M2QX',
		en: 'For example 1958, or six characters such as K7M2QX'
	},
	'claim.submit': { vi: 'Mở hồ sơ', en: 'Open the record' },
	'claim.busy': { vi: 'Đang mở…', en: 'Opening…' },
	'claim.tries_left': {
		vi: 'Còn {count} lần thử.',
		en: '{count} tries left.'
	},
	'claim.offline': {
		vi: 'Cần có mạng để mở hồ sơ lần đầu trên điện thoại này. Sau đó bạn khai được cả khi không có mạng.',
		en: 'The first opening on this phone needs the internet. After that you can declare offline too.'
	},
	'claim.retry': { vi: 'Thử lại', en: 'Try again' },
	'claim.kept_here': {
		vi: 'Hồ sơ đã khai vẫn còn trên điện thoại này.',
		en: 'What you declared is still kept on this phone.'
	},
	'claim.open_kept': { vi: 'Mở hồ sơ trên máy', en: 'Open the record on this phone' },
	'claim.staff_signed_in': {
		vi: 'Bạn đang đăng nhập với tài khoản {name}. Dùng nút Quét mã QR để mở hộ này.',
		en: 'You are signed in as {name}. Use Scan QR code to open this household.'
	},
	'signin.resident_hint': {
		vi: 'Hộ gia đình không cần đăng nhập: hãy quét mã QR trên tờ hướng dẫn bằng máy ảnh của điện thoại.',
		en: "Households need no sign-in: scan the QR code on the instruction sheet with the phone's camera."
	},
	'hotline.call': { vi: 'Gọi đường dây nóng {number}', en: 'Call the hotline {number}' },
	'hotline.short': { vi: 'Gọi hỗ trợ', en: 'Call for help' },
	'hotline.on_sheet': {
		vi: 'Cần giúp đỡ? Gọi số đường dây nóng in trên tờ hướng dẫn.',
		en: 'Need help? Call the hotline printed on the instruction sheet.'
	},
	'resident.reauth': {
		vi: 'Điện thoại này không còn quyền gửi hồ sơ của hộ. Hãy quét lại mã QR trên tờ hướng dẫn; những gì đã khai vẫn còn trên máy và sẽ được gửi sau đó.',
		en: "This phone may no longer send the household's record. Scan the QR code on the instruction sheet again; what you declared stays on this phone and is sent afterwards."
	},
	'resident.leave': { vi: 'Thoát hộ này', en: 'Leave this household' },
	'resident.leave_confirm': {
		vi: 'Thoát khỏi hồ sơ của hộ trên điện thoại này? Muốn mở lại, bạn cần quét mã QR trên tờ hướng dẫn.',
		en: "Leave the household's record on this phone? To open it again you will need to scan the QR code on the instruction sheet."
	},
	'resident.next_due': { vi: 'Hạn cập nhật: {date}', en: 'Update due: {date}' },
	'resident.reminders': { vi: 'Nhắc cập nhật', en: 'Update reminders' },
	'resident.all_up_to_date': {
		vi: 'Cả nhà đã cập nhật. Lần tới: {date}.',
		en: 'Everyone is up to date. Next time: {date}.'
	},
	'resident.due_list': {
		vi: 'Cần khai hoặc cập nhật cho {count} người.',
		en: '{count} people need a declaration or an update.'
	},
	'resident.cadence': {
		vi: 'Cập nhật mỗi {months} tháng; 3 tháng với người có bệnh mạn tính hoặc đang mang thai.',
		en: 'Update every {months} months; every 3 months for people with a chronic condition or a pregnancy.'
	}
} as const satisfies Record<string, { vi: string; en: string }>;
