// The words of the instruction sheets ward staff print, one per household. The page follows
// the chosen language; the printed sheet carries both (Vietnamese, then English below).

export const QR_SHEET_WORDS = {
	'sheets.title': { vi: 'In phiếu hướng dẫn', en: 'Print instruction sheets' },
	'sheets.intro': {
		vi: 'Mỗi hộ một phiếu có mã QR riêng. Tổ trưởng phát phiếu đến đúng từng nhà.',
		en: 'One sheet per household, each with its own QR code. The group leader hands each one to the right door.'
	},
	'sheets.needs_network': {
		vi: 'Trang này cần có mạng: phiếu và mã QR được lấy từ máy chủ.',
		en: 'This page needs the network: the sheets and their QR codes come from the server.'
	},
	'sheets.link': { vi: 'In phiếu QR cho các hộ', en: 'Print QR sheets for households' },
	'sheets.choose': { vi: 'Chọn tổ', en: 'Choose a group' },
	'sheets.group': { vi: 'Tổ dân phố', en: 'Neighbourhood group' },
	'sheets.group_placeholder': { vi: '— Chọn tổ —', en: '— Choose a group —' },
	'sheets.show': { vi: 'Xem phiếu', en: 'Show the sheets' },
	'sheets.no_groups': {
		vi: 'Phường chưa có tổ dân phố nào trong tài khoản này.',
		en: 'This account has no neighbourhood groups in its ward.'
	},
	'sheets.paper': { vi: 'Khổ giấy', en: 'Paper size' },
	'sheets.paper_a4': { vi: 'A4: mỗi trang một phiếu', en: 'A4: one sheet per page' },
	'sheets.paper_a5': {
		vi: 'A5: hai phiếu trên một tờ A4, cắt đôi',
		en: 'A5: two sheets on one A4 page, cut in half'
	},
	'sheets.print': { vi: 'In', en: 'Print' },
	'sheets.print_hint': {
		vi: 'Trong hộp thoại in, chọn máy in hoặc "Lưu dưới dạng PDF", giấy A4, dọc, tỉ lệ 100%.',
		en: 'In the print dialog, pick a printer or "Save as PDF", A4 paper, portrait, scale 100%.'
	},
	'sheets.fetching': {
		vi: 'Đang tải phiếu của {group} từ máy chủ…',
		en: 'Fetching the sheets of {group} from the server…'
	},
	'sheets.rendering': {
		vi: 'Đang tạo mã QR: {done} / {total} phiếu',
		en: 'Making QR codes: {done} of {total} sheets'
	},
	'sheets.ready': {
		vi: 'Đã sẵn sàng {count} phiếu của {group}: {pages} trang khi in.',
		en: '{count} sheets of {group} ready: {pages} printed pages.'
	},
	'sheets.empty': {
		vi: '{group} chưa có hộ nào, chưa có phiếu để in.',
		en: '{group} has no households yet: there is nothing to print.'
	},
	'sheets.offline': {
		vi: 'Không có mạng. Trang in phiếu cần mạng để lấy mã QR từ máy chủ. Hãy kết nối mạng rồi bấm "Thử lại".',
		en: 'No network. Printing sheets needs the network to get the QR codes from the server. Connect, then press "Try again".'
	},
	'sheets.server_error': {
		vi: 'Máy chủ đang gặp lỗi nên chưa tải được phiếu. Hãy thử lại sau ít phút.',
		en: 'The server has a problem, so the sheets could not be fetched. Try again in a few minutes.'
	},
	'sheets.refused': { vi: 'Máy chủ từ chối: {reason}', en: 'The server refused: {reason}' },
	'sheets.signed_out': {
		vi: 'Phiên đăng nhập trên máy chủ đã hết. Hãy đăng nhập lại để tải phiếu.',
		en: 'The session on the server has ended. Sign in again to fetch the sheets.'
	},
	'sheets.retry': { vi: 'Thử lại', en: 'Try again' },
	'sheets.not_allowed': {
		vi: 'Chỉ trạm y tế phường được in phiếu hướng dẫn. Tổ trưởng nhận phiếu đã in từ trạm y tế.',
		en: 'Only the ward health station prints instruction sheets. Group leaders get the printed sheets from the station.'
	},
	'sheets.list': { vi: 'Các phiếu', en: 'The sheets' },
	'sheets.sheet_label': { vi: 'Phiếu {number}: {address}', en: 'Sheet {number}: {address}' },

	'sheet.title': { vi: 'Hồ sơ sức khỏe điện tử', en: 'Electronic health record' },
	'sheet.for_household': { vi: 'Phiếu của hộ', en: 'For the household at' },
	'sheet.head': { vi: 'Chủ hộ: {name}', en: 'Head of household: {name}' },
	'sheet.qr_label': {
		vi: 'Mã QR của hộ: mở đường dẫn khai báo',
		en: "The household's QR code: opens the declaration link"
	},
	'sheet.code_label': { vi: 'Mã dưới QR', en: 'Code under the QR' },
	'sheet.step_camera': {
		vi: 'Mở camera của điện thoại, hướng vào mã QR.',
		en: "Open the phone's camera and point it at the QR code."
	},
	'sheet.step_link': {
		vi: 'Chạm vào đường dẫn hiện trên màn hình.',
		en: 'Tap the link that appears on the screen.'
	},
	'sheet.step_answer': {
		vi: 'Nhập năm sinh của chủ hộ, hoặc mã {length} ký tự in dưới mã QR.',
		en: "Type the head of household's year of birth, or the {length}-character code under the QR code."
	},
	'sheet.step_declare': {
		vi: 'Khai báo sức khỏe cho từng người trong nhà; cập nhật mỗi {months} tháng.',
		en: 'Declare the health of each member of the household; update every {months} months.'
	},
	'sheet.cadence': {
		vi: 'Nhắc lịch: cập nhật mỗi {months} tháng; {close} tháng với người có bệnh mạn tính hoặc đang mang thai.',
		en: 'Reminder: update every {months} months; every {close} months for people with a chronic condition or a pregnancy.'
	},
	'sheet.cadence_same': {
		vi: 'Nhắc lịch: cập nhật mỗi {months} tháng.',
		en: 'Reminder: update every {months} months.'
	},
	'sheet.hotline': {
		vi: 'Cần giúp đỡ? Gọi trạm y tế {ward}:',
		en: 'Need help? Call the health station of {ward}:'
	},
	'sheet.free': { vi: 'Miễn phí, không cần tài khoản', en: 'Free, no account needed' },
	'sheet.private': {
		vi: 'Mã QR chỉ chứa đường dẫn, không chứa thông tin cá nhân.',
		en: 'The QR code holds only a link, no personal data.'
	},
	'sheet.printed_on': { vi: 'In ngày {date}', en: 'Printed on {date}' }
} as const satisfies Record<string, { vi: string; en: string }>;
