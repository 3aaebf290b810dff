// The messages of the population registry link: a registry extract's problems by line (the
// file is refused, nothing written), what the import leaves alone and why (conflicts), the
// review list of near matches, and the live link's runs. Part of MESSAGES (messages.ts).

const COLUMNS =
	'household_code, group, address | house_number + street, citizen_id, full_name, birth_date, sex, relation';

export const REGISTRY_MESSAGES = {
	'registry.staff_only': {
		vi: 'Chỉ trạm y tế phường nhập sổ hộ khẩu và xem danh sách trùng của phường mình',
		en: "Only the ward health station imports its own ward's registry extract and reviews its duplicates"
	},
	'registry.encoding': {
		vi: 'Tệp không phải UTF-8 cũng không phải Windows-1258 từ dòng {line} (có thể là TCVN3, VNI hoặc UTF-16). Hãy mở tệp và lưu lại dạng "CSV UTF-8"',
		en: 'The file is neither UTF-8 nor Windows-1258 from line {line} (perhaps TCVN3, VNI or UTF-16). Open it and save it again as "CSV UTF-8"'
	},
	'registry.cut_off': {
		vi: 'Tệp bị cắt ngang ở dòng {line}: dòng cuối không trọn vẹn. Hãy xuất lại tệp đầy đủ',
		en: 'The file is cut off at line {line}: its last line is incomplete. Export the whole file again'
	},
	'registry.cut_off_quote': {
		vi: 'Dấu ngoặc kép mở ở dòng {line} không bao giờ đóng: tệp có thể bị cắt ngang',
		en: 'A quotation mark opened on line {line} is never closed: the file may be cut off'
	},
	'registry.empty': { vi: 'Tệp không có dữ liệu', en: 'The file holds no data' },
	'registry.too_large': {
		vi: 'Tệp quá lớn (tối đa {max_mb} MB)',
		en: 'The file is too large ({max_mb} MB at most)'
	},
	'registry.delimiter': {
		vi: 'Các cột phải cách nhau bằng dấu phẩy; tệp này dùng dấu chấm phẩy',
		en: 'Columns must be separated by commas; this file uses semicolons'
	},
	'registry.missing_column': {
		vi: `Thiếu cột bắt buộc "{column}" ở dòng tiêu đề (các cột: ${COLUMNS})`,
		en: `The header lacks the required column "{column}" (columns: ${COLUMNS})`
	},
	'registry.unknown_column': {
		vi: `Cột "{column}" không được hỗ trợ (các cột: ${COLUMNS})`,
		en: `Column "{column}" is not supported (columns: ${COLUMNS})`
	},
	'registry.duplicate_column': {
		vi: 'Cột "{column}" xuất hiện hai lần',
		en: 'Column "{column}" appears twice'
	},
	'registry.field_count': {
		vi: 'Dòng có {found} ô, dòng tiêu đề có {expected}',
		en: 'The line has {found} cells, the header {expected}'
	},
	'registry.json_invalid': {
		vi: 'Dòng không phải một đối tượng JSON',
		en: 'The line is not a JSON object'
	},
	'registry.json_field': {
		vi: 'Trường "{field}" phải là chuỗi ký tự',
		en: 'Field "{field}" must be a string'
	},
	'registry.json_members': {
		vi: 'Trường "members" phải là danh sách thành viên',
		en: 'Field "members" must be a list of members'
	},
	'registry.required': {
		vi: 'Thiếu giá trị ở cột "{column}"',
		en: 'Column "{column}" is empty'
	},
	'registry.too_long': {
		vi: 'Giá trị ở cột "{column}" quá dài (tối đa {max} ký tự)',
		en: 'The value in column "{column}" is too long ({max} characters at most)'
	},
	'registry.address_invalid': {
		vi: 'Địa chỉ "{value}" phải bắt đầu bằng số nhà rồi đến tên đường (hoặc dùng hai cột house_number và street)',
		en: 'Address "{value}" must start with the house number, then the street (or use the columns house_number and street)'
	},
	'registry.household_code_invalid': {
		vi: 'Mã hộ "{value}" chỉ gồm chữ, số và . / -',
		en: 'Household code "{value}" holds letters, digits and . / - only'
	},
	'registry.group_invalid': {
		vi: 'Tổ "{value}" không đúng dạng: ghi số tổ (vd 3) hoặc mã tổ (vd {ward}-03)',
		en: 'Group "{value}" not recognised: write its number (e.g. 3) or its code (e.g. {ward}-03)'
	},
	'registry.group_unknown': {
		vi: 'Phường không có tổ "{group}"; hãy thêm tổ trước rồi nhập lại',
		en: 'The ward has no group "{group}"; add the group first and import again'
	},
	'registry.name_invalid': {
		vi: 'Họ tên "{value}" chỉ gồm chữ cái và khoảng trắng',
		en: 'Name "{value}" must hold letters and spaces only'
	},
	'registry.name_too_short': {
		vi: 'Họ tên "{value}" quá ngắn',
		en: 'Name "{value}" is too short'
	},
	'registry.date_format': {
		vi: 'Ngày sinh "{value}" không đúng dạng ngày/tháng/năm hoặc năm',
		en: 'Birth date "{value}" is neither day/month/year nor a year'
	},
	'registry.date_not_exist': {
		vi: 'Ngày sinh "{value}" không có trong lịch',
		en: 'Birth date "{value}" does not exist'
	},
	'registry.date_future': {
		vi: 'Ngày sinh "{value}" ở tương lai',
		en: 'Birth date "{value}" is in the future'
	},
	'registry.date_too_old': {
		vi: 'Năm sinh "{value}" trước 1900',
		en: 'Birth year "{value}" is before 1900'
	},
	'registry.sex_invalid': {
		vi: 'Giới tính "{value}" không rõ: ghi Nam hoặc Nữ',
		en: 'Sex "{value}" not recognised: write Nam (male) or Nữ (female)'
	},
	'registry.relation_invalid': {
		vi: 'Quan hệ với chủ hộ "{value}" không rõ (vd Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Anh, Chị, Em, Con dâu, Khác)',
		en: 'Relation to the head "{value}" not recognised (e.g. Chủ hộ, Vợ, Chồng, Con, Cha, Mẹ, Cháu, Anh, Chị, Em, Con dâu, Khác)'
	},
	'registry.cccd_format': {
		vi: 'Số CCCD "{value}" phải gồm đúng 12 chữ số',
		en: 'Citizen ID "{value}" must have exactly 12 digits'
	},
	'registry.cccd_province': {
		vi: 'Ba số đầu của CCCD "{value}" không phải mã tỉnh/thành',
		en: 'The first three digits of citizen ID "{value}" are not a province code'
	},
	'registry.cccd_birth_year': {
		vi: 'Số CCCD "{value}" không khớp năm sinh',
		en: 'Citizen ID "{value}" does not match the year of birth'
	},
	'registry.cccd_sex': {
		vi: 'Số CCCD "{value}" không khớp giới tính',
		en: 'Citizen ID "{value}" does not match the sex'
	},
	'registry.duplicate_citizen_id': {
		vi: 'Số CCCD "{value}" đã có ở dòng {first_line}',
		en: 'Citizen ID "{value}" is already on line {first_line}'
	},
	'registry.duplicate_member': {
		vi: 'Thành viên này đã có ở dòng {first_line} của cùng hộ (cùng họ tên và ngày sinh)',
		en: 'This member is already on line {first_line} of the same household (same name and birth date)'
	},
	'registry.household_mismatch': {
		vi: 'Cột "{column}" khác với dòng {first_line} của cùng hộ "{household}"',
		en: 'Column "{column}" differs from line {first_line} of the same household "{household}"'
	},
	'registry.no_head': {
		vi: 'Hộ "{household}" không có ai là chủ hộ',
		en: 'Household "{household}" has no head'
	},
	'registry.two_heads': {
		vi: 'Hộ "{household}" đã có chủ hộ ở dòng {first_line}',
		en: 'Household "{household}" already has a head on line {first_line}'
	},
	'registry.too_many_members': {
		vi: 'Hộ "{household}" có hơn {max} thành viên',
		en: 'Household "{household}" has more than {max} members'
	},
	'registry.ward_unknown': {
		vi: 'Không có phường "{ward}" trong danh mục',
		en: 'There is no ward "{ward}" in the tree'
	},
	'registry.write_conflict': {
		vi: 'Hồ sơ của phường thay đổi trong lúc nhập; hãy chạy lại (phần đã ghi không bị ghi hai lần)',
		en: "The ward's records changed while importing; run it again (nothing written is written twice)"
	},
	'registry.conflict_edited': {
		vi: 'Trường "{field}" đã được sửa tại phường ("{kept}"), sổ hộ khẩu ghi "{registry}": giữ giá trị của phường',
		en: 'Field "{field}" was edited in the ward ("{kept}"), the registry says "{registry}": the ward\'s value is kept'
	},
	'registry.conflict_deleted': {
		vi: 'Hồ sơ "{name}" đã bị xóa tại phường: không tạo lại',
		en: 'Record "{name}" was deleted in the ward: not created again'
	},
	'registry.conflict_citizen_id_elsewhere': {
		vi: 'Số CCCD {value} đã thuộc về {name} ở hộ khác: không ghi thành viên này',
		en: 'Citizen ID {value} already belongs to {name} in another household: this member is not written'
	},
	'registry.review_decided': {
		vi: 'Mục này đã được quyết định rồi',
		en: 'This entry has been decided already'
	},
	'registry.conflict_invalid': {
		vi: 'Không ghi được hồ sơ này: {reason}',
		en: 'This record cannot be written: {reason}'
	}
} as const satisfies Record<string, { vi: string; en: string }>;
