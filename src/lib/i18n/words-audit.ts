// The words of the ward's audit trail screen: who read lists and who changed records.

export const AUDIT_WORDS = {
	'audit.title': { vi: 'Nhật ký truy cập dữ liệu', en: 'Data access log' },
	'audit.link': { vi: 'Nhật ký truy cập dữ liệu', en: 'Data access log' },
	'audit.intro': {
		vi: 'Ai đã xem danh sách, ai đã thay đổi hồ sơ nào, lúc nào và từ thiết bị nào. Nhật ký chỉ ghi mã, không ghi tên hay dữ liệu sức khỏe, và không ai sửa hay xóa được.',
		en: 'Who read lists and who changed which record, when and from which device. It holds ids only, never names or health data, and no one can change or delete it.'
	},
	'audit.loading': { vi: 'Đang tải nhật ký…', en: 'Loading the log…' },
	'audit.online_only': {
		vi: 'Nhật ký được đọc từ máy chủ: màn hình này cần có mạng.',
		en: 'The log is read from the server: this screen needs the internet.'
	},
	'audit.failed': {
		vi: 'Không đọc được nhật ký: {reason}',
		en: 'Could not read the log: {reason}'
	},
	'audit.retry': { vi: 'Thử lại', en: 'Try again' },
	'audit.empty': { vi: 'Chưa có mục nào.', en: 'No entries yet.' },
	'audit.page': { vi: 'Trang {number}', en: 'Page {number}' },
	'audit.older': { vi: 'Xem cũ hơn', en: 'Older entries' },
	'audit.newest': { vi: 'Về mới nhất', en: 'Back to the newest' },
	'audit.who': { vi: 'Người', en: 'Who' },
	'audit.device': { vi: 'Thiết bị', en: 'Device' },
	'audit.target': { vi: 'Đối tượng', en: 'About' },
	'audit.records': { vi: '{count} hồ sơ', en: '{count} records' },
	'audit.record_ids': { vi: 'Mã hồ sơ', en: 'Record ids' },
	'audit.nobody': { vi: 'Chưa đăng nhập', en: 'Not signed in' },
	'audit.no_device': { vi: 'Không rõ', en: 'Not known' },
	'audit.action.session.signed_in': { vi: 'Đăng nhập', en: 'Signed in' },
	'audit.action.session.signed_out': { vi: 'Đăng xuất', en: 'Signed out' },
	'audit.action.claim.accepted': {
		vi: 'Điện thoại của hộ mở hồ sơ hộ bằng mã QR',
		en: "A household's phone opened it with the QR code"
	},
	'audit.action.records.read': { vi: 'Nhận hồ sơ về thiết bị', en: 'Records sent to a device' },
	'audit.action.records.written': { vi: 'Ghi hồ sơ', en: 'Records written' },
	'audit.action.list.households': {
		vi: 'Xem danh sách hộ của tổ',
		en: "Read a group's households"
	},
	'audit.action.list.devices': {
		vi: 'Xem danh sách thiết bị và tổ trưởng',
		en: 'Read the collaborators and devices'
	},
	'audit.action.list.qr_sheets': {
		vi: 'In phiếu hướng dẫn (tên chủ hộ, địa chỉ)',
		en: 'Printed instruction sheets (heads and addresses)'
	},
	'audit.action.list.qr_index': {
		vi: 'Tải danh mục mã QR về thiết bị',
		en: 'QR index fetched by a device'
	},
	'audit.action.list.collaborators': {
		vi: 'Xem danh sách tổ trưởng',
		en: 'Read the collaborators'
	},
	'audit.action.list.audit': { vi: 'Xem nhật ký này', en: 'Read this log' },
	'audit.action.qr.read': { vi: 'Xem mã QR của hộ', en: "Read a household's QR code" },
	'audit.action.qr.issued': { vi: 'Cấp mã QR mới', en: 'Issued a new QR code' },
	'audit.action.qr.revoked': { vi: 'Thu hồi mã QR', en: 'Revoked a QR code' },
	'audit.action.account.created': { vi: 'Tạo tài khoản tổ trưởng', en: 'Created a collaborator' },
	'audit.action.account.changed': { vi: 'Đổi tài khoản tổ trưởng', en: 'Changed a collaborator' },
	'audit.action.group.created': { vi: 'Thêm tổ dân phố', en: 'Added a group' },
	'audit.action.group.renamed': { vi: 'Đổi tên tổ dân phố', en: 'Renamed a group' },
	'audit.action.org.imported': { vi: 'Nhập danh mục đơn vị', en: 'Imported org units' },
	'audit.action.erasure.requested': {
		vi: 'Hộ gia đình yêu cầu xóa dữ liệu của hộ',
		en: 'A household asked for its data to be erased'
	},
	'audit.action.erasure.carried_out': {
		vi: 'Xóa dữ liệu một hộ gia đình (hộ, thành viên, tờ khai)',
		en: "Erased a household's data (household, members, declarations)"
	},
	'audit.action.list.erasure_requests': {
		vi: 'Xem danh sách yêu cầu xóa dữ liệu',
		en: 'Read the erasure requests'
	},
	'audit.action.consent_text.changed': {
		vi: 'Sửa nội dung đồng ý của phường (phiên bản mới)',
		en: "Changed the ward's consent text (a new version)"
	}
} as const;
