// The words of a household's own data: seeing it, taking a copy (a file and a printed page),
// asking for it to be erased; and the ward staff's list of those requests.

export const ERASURE_WORDS = {
	'own_data.link': {
		vi: 'Dữ liệu của hộ: xem, tải về, yêu cầu xóa',
		en: "Your household's data: see, download, ask to erase"
	},
	'own_data.title': { vi: 'Dữ liệu của hộ gia đình', en: "Your household's data" },
	'own_data.intro': {
		vi: 'Đây là mọi thông tin về hộ mà điện thoại này giữ: hộ, các thành viên và các tờ khai sức khỏe. Trạm y tế phường giữ cùng dữ liệu này để theo dõi sức khỏe người dân.',
		en: 'This is everything this phone holds about your household: the household, its members and their health declarations. The ward health station keeps the same data to follow people’s health.'
	},
	'own_data.rights': {
		vi: 'Theo Luật Bảo vệ dữ liệu cá nhân (số 91/2025/QH15), hộ có quyền xem, lấy bản sao và yêu cầu xóa dữ liệu của mình.',
		en: 'Under the Personal Data Protection Law (No. 91/2025/QH15) your household may see its data, take a copy of it and ask for it to be erased.'
	},
	'own_data.members': { vi: 'Thành viên ({count})', en: 'Members ({count})' },
	'own_data.declarations': {
		vi: 'Tờ khai sức khỏe ({count})',
		en: 'Health declarations ({count})'
	},
	'own_data.no_declarations': { vi: 'Chưa có tờ khai nào.', en: 'No declarations yet.' },
	'own_data.declared_on': {
		vi: '{name}, khai ngày {date}',
		en: '{name}, declared on {date}'
	},
	'own_data.copy_title': { vi: 'Lấy bản sao', en: 'Take a copy' },
	'own_data.download': { vi: 'Tải về tệp dữ liệu (JSON)', en: 'Download the data file (JSON)' },
	'own_data.print': { vi: 'In hoặc lưu thành PDF', en: 'Print or save as PDF' },
	'own_data.printed_at': { vi: 'In ngày {date}', en: 'Printed on {date}' },
	'own_data.erase_title': { vi: 'Yêu cầu xóa dữ liệu', en: 'Ask to erase the data' },
	'own_data.erase_explain': {
		vi: 'Trạm y tế phường sẽ xóa hộ, các thành viên và mọi tờ khai khỏi máy chủ và khỏi điện thoại của tổ trưởng. Sau đó mã QR của hộ không dùng được nữa và không khôi phục được. Điện thoại này vẫn giữ bản của nó cho đến khi bạn gỡ ứng dụng hoặc xóa dữ liệu trình duyệt.',
		en: "The ward health station will erase the household, its members and every declaration from the server and from the collaborators' phones. After that the household's QR code no longer works, and nothing can be restored. This phone keeps its own copy until you remove the app or clear the browser's data."
	},
	'own_data.erase_confirm_label': {
		vi: 'Tôi hiểu dữ liệu của hộ sẽ bị xóa hẳn',
		en: "I understand the household's data will be erased for good"
	},
	'own_data.erase_send': { vi: 'Gửi yêu cầu xóa', en: 'Send the erasure request' },
	'own_data.erase_online_only': {
		vi: 'Cần có mạng để gửi yêu cầu.',
		en: 'Sending the request needs the internet.'
	},
	'own_data.erase_sent': {
		vi: 'Đã gửi yêu cầu lúc {date}. Trạm y tế phường sẽ liên hệ và thực hiện.',
		en: 'Request sent at {date}. The ward health station will contact you and carry it out.'
	},
	'own_data.erase_failed': {
		vi: 'Chưa gửi được yêu cầu: {reason}',
		en: 'The request was not sent: {reason}'
	},
	'erasure_list.link': { vi: 'Yêu cầu xóa dữ liệu', en: 'Erasure requests' },
	'erasure_list.title': { vi: 'Yêu cầu xóa dữ liệu của hộ', en: "Households' erasure requests" },
	'erasure_list.intro': {
		vi: 'Hộ gia đình yêu cầu xóa dữ liệu của mình. Xóa là xóa hẳn: hộ, thành viên và tờ khai bị xóa khỏi máy chủ và khỏi điện thoại của tổ trưởng ở lần đồng bộ tới; nhật ký chỉ ghi mã hộ.',
		en: "Households that asked for their data to be erased. Erasing is for good: the household, its members and their declarations leave the server, and the collaborators' phones at their next sync; the log keeps the household's id only."
	},
	'erasure_list.none': { vi: 'Không có yêu cầu nào.', en: 'No requests.' },
	'erasure_list.requested': { vi: 'Yêu cầu ngày {date}', en: 'Asked on {date}' },
	'erasure_list.done': { vi: 'Đã xóa ngày {date}', en: 'Erased on {date}' },
	'erasure_list.open_household': { vi: 'Xem hộ', en: 'See the household' },
	'erasure_list.erase': { vi: 'Xóa dữ liệu hộ này', en: "Erase this household's data" },
	'erasure_list.confirm': {
		vi: 'Xóa hẳn dữ liệu của hộ {household}? Không thể khôi phục.',
		en: "Erase household {household}'s data for good? It cannot be restored."
	},
	'erasure_list.erased': {
		vi: 'Đã xóa {count} hồ sơ của hộ.',
		en: "Erased the household's {count} records."
	},
	'erasure_list.failed': { vi: 'Không thực hiện được: {reason}', en: 'Could not do it: {reason}' },
	'erasure_list.offline': {
		vi: 'Màn hình này cần có mạng.',
		en: 'This screen needs the internet.'
	}
} as const;
