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
	'registry.near.same_citizen_id': { vi: 'cùng số CCCD', en: 'the same citizen ID' },
	'registry.near.same_name_birth': {
		vi: 'cùng họ tên và ngày sinh',
		en: 'the same name and birth date'
	},
	'duplicate.title': {
		vi: 'Người này có thể đã có trong hồ sơ',
		en: 'This person may be on record already'
	},
	'duplicate.open': { vi: 'Mở hồ sơ của {name}', en: "Open {name}'s record" },
	'duplicate.still_save': {
		vi: 'Nếu đúng là người khác, bạn vẫn có thể lưu.',
		en: 'If this is someone else, you can still save.'
	},
	'link.title': { vi: 'Liên thông cơ sở dữ liệu dân cư', en: 'Population registry link' },
	'link.off': {
		vi: 'Chưa bật liên thông cho phường này.',
		en: 'The link is not on for this ward.'
	},
	'link.schedule': {
		vi: 'Tự động cập nhật mỗi {minutes} phút.',
		en: 'Updated automatically every {minutes} minutes.'
	},
	'link.never': { vi: 'Chưa chạy lần nào.', en: 'It has not run yet.' },
	'link.last_run': {
		vi: 'Lần chạy gần nhất: {time}',
		en: 'Last run: {time}'
	},
	'link.status.ok': { vi: 'Thành công', en: 'Succeeded' },
	'link.status.failed': { vi: 'Thất bại: {message}', en: 'Failed: {message}' },
	'link.rows': { vi: 'Số dòng đọc: {count}', en: 'Rows read: {count}' },
	'link.changes': {
		vi: 'Tạo mới {created}, cập nhật {updated}, xung đột {conflicts}, cần xem lại {reviews}',
		en: 'Created {created}, updated {updated}, conflicts {conflicts}, to review {reviews}'
	},
	'link.errors': { vi: 'Dòng lỗi (bỏ qua): {count}', en: 'Rows refused (skipped): {count}' },
	'link.problem': { vi: 'Dòng {row}: {reason}', en: 'Row {row}: {reason}' },
	'review.title': { vi: 'Hồ sơ có thể trùng', en: 'Records that may be the same person' },
	'review.link_plain': { vi: 'Hồ sơ có thể trùng', en: 'Possible duplicates' },
	'review.intro': {
		vi: 'Mỗi mục là hai hồ sơ có thể của cùng một người. Gộp lại: giữ một hồ sơ, mọi lần khai báo của cả hai được giữ dưới hồ sơ đó. Hoặc xác nhận là hai người khác nhau.',
		en: 'Each entry is two records that may be the same person. Merge them: keep one record, and every declaration of both is kept under it. Or confirm they are two different people.'
	},
	'review.none': {
		vi: 'Không còn hồ sơ nào cần xem lại.',
		en: 'No records left to review.'
	},
	'review.count': { vi: '{count} mục cần xem lại', en: '{count} to review' },
	'review.found.registry_import': {
		vi: 'Tìm thấy khi nhập sổ hộ khẩu',
		en: 'Found by the registry import'
	},
	'review.found.sync': { vi: 'Tìm thấy khi đồng bộ', en: 'Found at sync' },
	'review.found_on': { vi: '{source}, {date}', en: '{source}, {date}' },
	'review.alike': { vi: 'Giống nhau: {kinds}', en: 'Alike: {kinds}' },
	'review.record': { vi: 'Hồ sơ {n}', en: 'Record {n}' },
	'review.name': { vi: 'Họ tên', en: 'Name' },
	'review.birth_date': { vi: 'Ngày sinh', en: 'Birth date' },
	'review.citizen_id': { vi: 'CCCD', en: 'Citizen ID' },
	'review.household': { vi: 'Hộ', en: 'Household' },
	'review.group': { vi: 'Tổ', en: 'Group' },
	'review.declarations': { vi: 'Số lần khai báo', en: 'Declarations' },
	'review.none_given': { vi: '—', en: '—' },
	'review.keep': { vi: 'Gộp, giữ hồ sơ {n}', en: 'Merge, keep record {n}' },
	'review.keep_label': {
		vi: 'Gộp hai hồ sơ, giữ hồ sơ {n} của {name}',
		en: 'Merge the two records, keeping record {n} of {name}'
	},
	'review.apart': { vi: 'Hai người khác nhau', en: 'Two different people' },
	'review.merge_confirm': {
		vi: 'Gộp hai hồ sơ và giữ hồ sơ của {name}? Hồ sơ còn lại bị xóa, các lần khai báo của nó được chuyển sang.',
		en: "Merge the two records and keep {name}'s? The other record is deleted, its declarations move over."
	},
	'review.merged': {
		vi: 'Đã gộp: giữ hồ sơ của {name}, chuyển {count} lần khai báo.',
		en: "Merged: {name}'s record kept, {count} declarations moved."
	},
	'review.kept_apart': {
		vi: 'Đã ghi nhận: hai người khác nhau.',
		en: 'Noted: two different people.'
	},
	'review.failed': { vi: 'Không thực hiện được: {reason}', en: 'Could not do it: {reason}' },
	'review.offline': {
		vi: 'Màn hình này cần có mạng.',
		en: 'This screen needs the internet.'
	},
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
