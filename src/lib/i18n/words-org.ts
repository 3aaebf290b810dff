// The words of the administrator's org-tree screen: importing org units from a CSV.

export const ORG_WORDS = {
	'org_import.title': { vi: 'Danh mục đơn vị', en: 'Org units' },
	'org_import.intro': {
		vi: 'Nhập các đơn vị hành chính từ tệp CSV (UTF-8) với các cột code, level, name, parent và nếu cần cadence_months, hotline. Tệp được kiểm tra trước; chưa có gì được ghi cho đến khi bạn xác nhận.',
		en: 'Import administrative units from a CSV file (UTF-8) with the columns code, level, name, parent and optionally cadence_months, hotline. The file is checked first; nothing is written until you confirm.'
	},
	'org_import.file': { vi: 'Tệp CSV', en: 'CSV file' },
	'org_import.check': { vi: 'Kiểm tra tệp', en: 'Check the file' },
	'org_import.checking': { vi: 'Đang kiểm tra tệp…', en: 'Checking the file…' },
	'org_import.refused': {
		vi: 'Tệp có {count} lỗi nên chưa ghi gì. Sửa các dòng dưới đây rồi chọn lại tệp.',
		en: 'The file has {count} problems, so nothing was written. Fix the lines below and pick the file again.'
	},
	'org_import.line': { vi: 'Dòng', en: 'Line' },
	'org_import.problem': { vi: 'Lỗi', en: 'Problem' },
	'org_import.checked': {
		vi: 'Tệp hợp lệ: {rows} dòng. Khi xác nhận sẽ:',
		en: 'The file is valid: {rows} lines. Confirming will:'
	},
	'org_import.created': { vi: 'Tạo mới: {count}', en: 'Create: {count}' },
	'org_import.updated': { vi: 'Cập nhật: {count}', en: 'Update: {count}' },
	'org_import.unchanged': { vi: 'Giữ nguyên: {count}', en: 'Leave as they are: {count}' },
	'org_import.paths': {
		vi: 'Đơn vị bên dưới đổi đường dẫn: {count}',
		en: 'Units below with a new path: {count}'
	},
	'org_import.wards': {
		vi: 'Tạo cơ sở dữ liệu cho phường: {codes}',
		en: 'Make the databases of wards: {codes}'
	},
	'org_import.code': { vi: 'Mã', en: 'Code' },
	'org_import.name': { vi: 'Tên', en: 'Name' },
	'org_import.parent': { vi: 'Cấp trên', en: 'Parent' },
	'org_import.changes': { vi: 'Thay đổi', en: 'Changes' },
	'org_import.change.name': { vi: 'tên', en: 'name' },
	'org_import.change.parent': { vi: 'đơn vị cấp trên', en: 'parent' },
	'org_import.change.cadence_months': { vi: 'chu kỳ nhắc', en: 'reminder cadence' },
	'org_import.change.hotline': { vi: 'đường dây nóng', en: 'hotline' },
	'org_import.change.path': { vi: 'đường dẫn', en: 'path' },
	'org_import.new': { vi: 'mới', en: 'new' },
	'org_import.nothing': {
		vi: 'Danh mục đã đúng như tệp: không có gì để ghi.',
		en: 'The tree already matches the file: nothing to write.'
	},
	'org_import.confirm': { vi: 'Xác nhận nhập', en: 'Import now' },
	'org_import.cancel': { vi: 'Chọn tệp khác', en: 'Pick another file' },
	'org_import.running': { vi: 'Đang nhập danh mục…', en: 'Importing the units…' },
	'org_import.progress': { vi: 'Đã xong {done}/{total} bước', en: '{done} of {total} steps done' },
	'org_import.done': {
		vi: 'Đã nhập xong: ghi {written} đơn vị trong {seconds} giây.',
		en: 'Imported: {written} units written in {seconds} s.'
	},
	'org_import.failed': { vi: 'Không nhập được: {reason}', en: 'The import failed: {reason}' },
	'org_import.offline': {
		vi: 'Cần có mạng để nhập danh mục đơn vị.',
		en: 'Importing org units needs the internet.'
	},
	'org_import.more': { vi: '… và {count} đơn vị khác', en: '… and {count} more units' },
	'org_import.link': { vi: 'Nhập danh mục đơn vị', en: 'Import org units' },
	'org_import.level.city': { vi: 'Tỉnh/thành phố', en: 'City or province' },
	'org_import.level.district': { vi: 'Quận/huyện', en: 'District' },
	'org_import.level.ward': { vi: 'Phường/xã', en: 'Ward or commune' },
	'org_import.level.group': { vi: 'Tổ dân phố', en: 'Neighbourhood group' }
} as const satisfies Record<string, { vi: string; en: string }>;
