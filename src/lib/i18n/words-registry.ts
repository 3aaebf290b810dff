// The words of the population registry screens: ward staff import their ward's registry
// extract, and review the near matches it (or a collaborator in the field) found.

export const REGISTRY_WORDS = {
	'registry.title': { vi: 'Nhập sổ hộ khẩu', en: 'Import the population registry' },
	'registry.link': { vi: 'Nhập sổ hộ khẩu', en: 'Import the population registry' },
	'registry.intro': {
		vi: 'Chọn tệp trích xuất sổ hộ khẩu của phường (CSV hoặc JSON Lines, mã UTF-8 hoặc Windows-1258), mỗi dòng một người với các cột household_code, group, address (hoặc house_number và street), citizen_id, full_name, birth_date, sex, relation. Tệp được kiểm tra trước; chưa có gì được ghi cho đến khi bạn xác nhận.',
		en: "Pick the ward's registry extract (CSV or JSON Lines, UTF-8 or Windows-1258), one person a line with the columns household_code, group, address (or house_number and street), citizen_id, full_name, birth_date, sex, relation. The file is checked first; nothing is written until you confirm."
	},
	'registry.file': { vi: 'Tệp sổ hộ khẩu', en: 'Registry file' },
	'registry.check': { vi: 'Kiểm tra tệp', en: 'Check the file' },
	'registry.checking': { vi: 'Đang kiểm tra tệp…', en: 'Checking the file…' },
	'registry.refused': {
		vi: 'Tệp có {count} lỗi nên chưa ghi gì. Sửa các dòng dưới đây rồi chọn lại tệp.',
		en: 'The file has {count} problems, so nothing was written. Fix the lines below and pick the file again.'
	},
	'registry.line': { vi: 'Dòng', en: 'Line' },
	'registry.problem': { vi: 'Lỗi', en: 'Problem' },
	'registry.checked': {
		vi: 'Tệp hợp lệ: {rows} dòng, {households} hộ, {persons} người. Khi xác nhận sẽ:',
		en: 'The file is valid: {rows} lines, {households} households, {persons} people. Confirming will:'
	},
	'registry.imported': {
		vi: 'Đã nhập: {rows} dòng, {households} hộ, {persons} người.',
		en: 'Imported: {rows} lines, {households} households, {persons} people.'
	},
	'registry.count.created': {
		vi: 'Tạo mới: {households} hộ, {persons} người',
		en: 'Create: {households} households, {persons} people'
	},
	'registry.count.updated': {
		vi: 'Cập nhật: {households} hộ, {persons} người',
		en: 'Update: {households} households, {persons} people'
	},
	'registry.count.unchanged': {
		vi: 'Giữ nguyên: {households} hộ, {persons} người',
		en: 'Leave as they are: {households} households, {persons} people'
	},
	'registry.count.conflicts': {
		vi: 'Xung đột (giữ dữ liệu của phường): {count}',
		en: "Conflicts (the ward's data is kept): {count}"
	},
	'registry.count.reviews': {
		vi: 'Đưa vào danh sách cần xem lại: {count}',
		en: 'Put on the review list: {count}'
	},
	'registry.encoding': { vi: 'Mã ký tự: {encoding}', en: 'Encoding: {encoding}' },
	'registry.list.created': { vi: 'Sẽ tạo mới', en: 'To be created' },
	'registry.list.updated': { vi: 'Sẽ cập nhật', en: 'To be updated' },
	'registry.list.conflicts': { vi: 'Xung đột', en: 'Conflicts' },
	'registry.list.reviews': { vi: 'Gần trùng, cần xem lại', en: 'Near matches to review' },
	'registry.kind.household': { vi: 'Hộ', en: 'Household' },
	'registry.kind.person': { vi: 'Người', en: 'Person' },
	'registry.column.kind': { vi: 'Loại', en: 'Kind' },
	'registry.column.code': { vi: 'Mã hộ', en: 'Household code' },
	'registry.column.name': { vi: 'Họ tên', en: 'Name' },
	'registry.column.changes': { vi: 'Thay đổi', en: 'Changes' },
	'registry.column.reason': { vi: 'Lý do', en: 'Reason' },
	'registry.column.people': { vi: 'Hai hồ sơ', en: 'The two records' },
	'registry.column.why': { vi: 'Giống nhau ở', en: 'How alike' },
	'registry.field.group': { vi: 'tổ', en: 'group' },
	'registry.field.address.house_number': { vi: 'số nhà', en: 'house number' },
	'registry.field.address.street': { vi: 'đường', en: 'street' },
	'registry.field.head_name': { vi: 'chủ hộ', en: 'head' },
	'registry.field.full_name': { vi: 'họ tên', en: 'name' },
	'registry.field.birth_date': { vi: 'ngày sinh', en: 'birth date' },
	'registry.field.sex': { vi: 'giới tính', en: 'sex' },
	'registry.field.citizen_id': { vi: 'CCCD', en: 'citizen ID' },
	'registry.field.relation': { vi: 'quan hệ', en: 'relation' },
	'registry.field.household': { vi: 'hộ', en: 'household' },
	'registry.near.diacritics': { vi: 'khác dấu', en: 'diacritics differ' },
	'registry.near.name_typo': { vi: 'khác một chữ cái', en: 'one letter differs' },
	'registry.near.day_month_swapped': {
		vi: 'ngày và tháng sinh đảo chỗ',
		en: 'day and month swapped'
	},
	'registry.near.year_only': { vi: 'chỉ có năm sinh', en: 'year of birth only' },
	'registry.new': { vi: 'mới', en: 'new' },
	'registry.more': {
		vi: '… và {count} dòng khác (số đếm ở trên là đầy đủ)',
		en: '… and {count} more (the counts above are complete)'
	},
	'registry.truncated': {
		vi: 'Danh sách dài chỉ hiện phần đầu; số đếm là đầy đủ.',
		en: 'Long lists show their beginning only; the counts are complete.'
	},
	'registry.confirm': { vi: 'Xác nhận nhập', en: 'Import now' },
	'registry.running': { vi: 'Đang ghi hồ sơ…', en: 'Writing the records…' },
	'registry.progress': {
		vi: 'Đã ghi {done}/{total} hồ sơ',
		en: '{done} of {total} records written'
	},
	'registry.done': {
		vi: 'Đã nhập xong: ghi {written} hồ sơ trong {seconds} giây.',
		en: 'Imported: {written} records written in {seconds} s.'
	},
	'registry.nothing': {
		vi: 'Hồ sơ của phường đã đúng như tệp: không có gì để ghi.',
		en: "The ward's records already match the file: nothing to write."
	},
	'registry.failed': { vi: 'Không nhập được: {reason}', en: 'The import failed: {reason}' },
	'registry.offline': {
		vi: 'Cần có mạng để nhập sổ hộ khẩu.',
		en: 'Importing the registry needs the internet.'
	}
} as const satisfies Record<string, { vi: string; en: string }>;
