// The words of the collaborator's QR scanner and its manual token entry.

export const SCANNER_WORDS = {
	'scan.open': { vi: 'Quét mã QR', en: 'Scan QR code' },
	'scan.title': { vi: 'Quét mã QR của hộ', en: 'Scan a household QR code' },
	'scan.intro': {
		vi: 'Đưa mã QR trên phiếu của hộ vào giữa khung hình. Không cần mạng.',
		en: "Hold the QR code on the household's sheet in the middle of the frame. No network needed."
	},
	'scan.camera_view': { vi: 'Hình từ máy ảnh', en: 'Camera view' },
	'scan.cancel': { vi: 'Hủy, về danh sách hộ', en: 'Cancel, back to households' },
	'scan.retry': { vi: 'Mở lại máy ảnh', en: 'Open the camera again' },

	'scan.status.starting': { vi: 'Đang mở máy ảnh…', en: 'Opening the camera…' },
	'scan.status.scanning': {
		vi: 'Máy ảnh đang mở, đang tìm mã QR…',
		en: 'Camera on, looking for a QR code…'
	},
	'scan.status.opening': {
		vi: 'Đã đọc được mã. Đang mở hộ…',
		en: 'Code read. Opening the household…'
	},
	'scan.status.no_camera': {
		vi: 'Không có máy ảnh. Hãy nhập mã bên dưới.',
		en: 'No camera. Type the code below.'
	},
	'scan.status.denied': {
		vi: 'Máy ảnh bị chặn. Hãy cho phép dùng máy ảnh trong cài đặt của trình duyệt, hoặc nhập mã bên dưới.',
		en: "The camera is blocked. Allow it in the browser's settings, or type the code below."
	},
	'scan.status.insecure': {
		vi: 'Trình duyệt chỉ cho dùng máy ảnh khi trang được mở qua kết nối an toàn (https). Hãy nhập mã bên dưới.',
		en: 'The browser allows the camera only on a secure (https) connection. Type the code below.'
	},
	'scan.status.failed': {
		vi: 'Không mở được máy ảnh (có thể một ứng dụng khác đang dùng). Hãy thử lại, hoặc nhập mã bên dưới.',
		en: 'The camera could not be opened (another app may be using it). Try again, or type the code below.'
	},

	'scan.manual.title': { vi: 'Nhập mã bằng tay', en: 'Type the code' },
	'scan.manual.label': {
		vi: 'Đường link hoặc mã trên phiếu của hộ',
		en: "The link or code on the household's sheet"
	},
	'scan.manual.hint': {
		vi: 'Dán cả đường link (có "/q/"), hoặc chỉ gõ mã 24 ký tự ở cuối đường link.',
		en: 'Paste the whole link (with "/q/"), or type only the 24-character code at its end.'
	},
	'scan.manual.submit': { vi: 'Mở hộ', en: 'Open the household' },
	'scan.manual.empty': {
		vi: 'Hãy nhập đường link hoặc mã trên phiếu.',
		en: 'Enter the link or the code on the sheet.'
	},

	'scan.result.not_a_code': {
		vi: 'Đây không phải mã của phiếu hộ gia đình. Hãy kiểm tra lại đường link hoặc mã.',
		en: "This is not a household sheet's code. Check the link or the code."
	},
	'scan.result.unknown': {
		vi: 'Mã này không thuộc hộ nào trong tổ của bạn trên máy này, hoặc mã mới hơn lần đồng bộ cuối: hãy đồng bộ rồi thử lại.',
		en: 'Not a household of your groups on this phone, or the code is newer than your last sync: sync and try again.'
	},
	'scan.result.checking': {
		vi: 'Mã chưa có trên máy, đang hỏi máy chủ…',
		en: 'Code not on this phone yet, asking the server…'
	},

	'scan.index.as_of': {
		vi: 'Danh sách mã QR trên máy này cập nhật lúc {time}.',
		en: 'QR codes on this phone as of {time}.'
	},
	'scan.index.never': {
		vi: 'Máy này chưa tải danh sách mã QR. Hãy đồng bộ khi có mạng.',
		en: 'This phone has no QR codes yet. Sync while online.'
	}
} as const satisfies Record<string, { vi: string; en: string }>;
