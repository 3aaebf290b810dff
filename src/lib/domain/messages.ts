// Every message a user can see from a rule, in Vietnamese first and English second. Rules
// return keys, never sentences, so the form, the server's rejection reason and the tests
// all speak the same words.

import { CONSENT_MESSAGES } from './messages-consent';
import { ERASURE_MESSAGES } from './messages-erasure';
import { REGISTRY_MESSAGES } from './messages-registry';

export const MESSAGES = {
	required: { vi: 'Vui lòng nhập thông tin này', en: 'This field is required' },
	'text.too_long': { vi: 'Nội dung quá dài', en: 'Text is too long' },
	'text.markup': {
		vi: 'Không được dùng ký tự < hoặc >',
		en: 'The characters < and > are not allowed'
	},
	'id.invalid': { vi: 'Mã không hợp lệ', en: 'Invalid id' },
	'code.invalid': { vi: 'Mã đơn vị không hợp lệ', en: 'Invalid unit code' },
	'date.format': {
		vi: 'Ngày không đúng dạng, hãy nhập ngày/tháng/năm (vd 12/3/1958) hoặc chỉ năm (1958)',
		en: 'Date not recognised: type day/month/year (e.g. 12/3/1958) or the year alone (1958)'
	},
	'date.not_exist': { vi: 'Ngày này không có trong lịch', en: 'This date does not exist' },
	'date.future': { vi: 'Ngày không được ở tương lai', en: 'The date cannot be in the future' },
	'date.too_old': { vi: 'Năm sinh quá xa (trước 1900)', en: 'Year of birth before 1900' },
	'datetime.invalid': { vi: 'Thời điểm không hợp lệ', en: 'Invalid timestamp' },
	'name.invalid': {
		vi: 'Họ tên chỉ gồm chữ cái và khoảng trắng',
		en: 'A name holds letters and spaces only'
	},
	'name.too_short': { vi: 'Họ tên quá ngắn', en: 'Name is too short' },
	'sex.invalid': { vi: 'Chọn giới tính Nam hoặc Nữ', en: 'Choose male or female' },
	'relation.invalid': { vi: 'Chọn quan hệ với chủ hộ', en: 'Choose the relation to the head' },
	'cccd.format': {
		vi: 'Số CCCD gồm đúng 12 chữ số',
		en: 'A citizen ID (CCCD) has exactly 12 digits'
	},
	'cccd.province': {
		vi: 'Ba số đầu của CCCD không phải mã tỉnh/thành',
		en: 'The first three digits of the CCCD are not a province code'
	},
	'cccd.birth_year': {
		vi: 'Số CCCD không khớp năm sinh',
		en: 'The CCCD does not match the year of birth'
	},
	'cccd.sex': {
		vi: 'Số CCCD không khớp giới tính',
		en: 'The CCCD does not match the sex'
	},
	'insurance.format': {
		vi: 'Mã thẻ BHYT gồm 10 chữ số hoặc 15 ký tự (2 chữ cái + 13 chữ số)',
		en: 'A health insurance number has 10 digits or 15 characters (2 letters + 13 digits)'
	},
	'phone.format': {
		vi: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0',
		en: 'A phone number has 10 digits and starts with 0'
	},
	'number.invalid': { vi: 'Hãy nhập một con số', en: 'Enter a number' },
	'height.range': {
		vi: 'Chiều cao phải từ 30 đến 250 cm',
		en: 'Height must be between 30 and 250 cm'
	},
	'weight.range': {
		vi: 'Cân nặng phải từ 1 đến 300 kg',
		en: 'Weight must be between 1 and 300 kg'
	},
	'systolic.range': {
		vi: 'Huyết áp tâm thu phải từ 60 đến 260 mmHg',
		en: 'Systolic pressure must be between 60 and 260 mmHg'
	},
	'diastolic.range': {
		vi: 'Huyết áp tâm trương phải từ 30 đến 160 mmHg',
		en: 'Diastolic pressure must be between 30 and 160 mmHg'
	},
	'bp.order': {
		vi: 'Huyết áp tâm thu (số trên) phải lớn hơn tâm trương (số dưới)',
		en: 'Systolic (upper) pressure must be above diastolic (lower)'
	},
	'bp.pair': {
		vi: 'Nhập cả hai số huyết áp, vd 120/80',
		en: 'Enter both blood pressure numbers, e.g. 120/80'
	},
	'bp.format': {
		vi: 'Huyết áp nhập dạng số trên/số dưới, vd 120/80',
		en: 'Type blood pressure as upper/lower, e.g. 120/80'
	},
	'pulse.range': {
		vi: 'Mạch phải từ 30 đến 220 lần/phút',
		en: 'Pulse must be between 30 and 220 beats per minute'
	},
	'pregnant.sex': {
		vi: 'Chỉ ghi nhận mang thai với người giới tính nữ',
		en: 'Pregnancy can only be recorded for a female'
	},
	'choice.invalid': { vi: 'Lựa chọn không hợp lệ', en: 'Invalid choice' },
	'cadence.invalid': {
		vi: 'Chu kỳ nhắc là 3 hoặc 6 tháng',
		en: 'Reminder cadence is 3 or 6 months'
	},
	'household.address': {
		vi: 'Nhập số nhà và tên đường/hẻm',
		en: 'Enter the house number and street/alley'
	},
	'declaration.empty': {
		vi: 'Hãy nhập ít nhất một chỉ số sức khỏe',
		en: 'Enter at least one health measure'
	},
	'doc.type': { vi: 'Loại hồ sơ không được hỗ trợ', en: 'Unsupported record type' },
	'doc.invalid': { vi: 'Hồ sơ không hợp lệ', en: 'Invalid record' },
	'sync.network': {
		vi: 'Không kết nối được máy chủ, sẽ tự thử lại',
		en: 'Cannot reach the server; will retry by itself'
	},
	'sync.signed_out': {
		vi: 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại để gửi dữ liệu',
		en: 'Your session has expired: sign in again to send your records'
	},
	'sync.forbidden': {
		vi: 'Tài khoản này không được đồng bộ dữ liệu của phường này',
		en: 'This account may not sync this ward'
	},
	'sync.server_error': {
		vi: 'Máy chủ đang gặp sự cố, sẽ tự thử lại',
		en: 'The server has a problem; will retry by itself'
	},
	'sync.refused': {
		vi: 'Máy chủ từ chối một hồ sơ, hãy sửa lại hồ sơ đó',
		en: 'The server refused a record: correct it'
	},
	'sync.failed': {
		vi: 'Đồng bộ gặp lỗi trên thiết bị, sẽ tự thử lại',
		en: 'Sync failed on this device; will retry by itself'
	},
	'auth.wrong': {
		vi: 'Sai tên đăng nhập hoặc mật khẩu',
		en: 'Wrong username or password'
	},
	'auth.disabled': {
		vi: 'Tài khoản này đã bị khóa, hãy liên hệ trạm y tế phường',
		en: 'This account is disabled: contact the ward health station'
	},
	'auth.demo_password': {
		vi: 'Tài khoản này dùng mật khẩu demo công khai nên không được đăng nhập trên máy chủ thật; hãy đặt mật khẩu mới',
		en: 'This account uses the public demo password and cannot sign in on a production server: set a new password'
	},
	'auth.throttled': {
		vi: 'Đăng nhập sai quá nhiều lần, hãy thử lại sau ít phút',
		en: 'Too many failed sign-ins: try again in a few minutes'
	},
	'auth.required': { vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
	'auth.no_unit': {
		vi: 'Tài khoản chưa được gán đơn vị hợp lệ, hãy liên hệ quản trị',
		en: 'This account has no valid unit: contact the administrator'
	},
	'gateway.database': {
		vi: 'Tài khoản này không được truy cập dữ liệu của phường này',
		en: "This account may not reach this ward's records"
	},
	'gateway.unreachable': {
		vi: 'Mục này không truy cập được qua cổng đồng bộ',
		en: 'This is not reachable through the sync gateway'
	},
	'gateway.settle_staff_only': {
		vi: 'Chỉ trạm y tế phường được xác nhận thay đổi trùng',
		en: 'Only the ward health station may confirm clashing changes'
	},
	'gateway.read_only': {
		vi: 'Tài khoản giám sát chỉ được xem, không được sửa dữ liệu',
		en: 'Supervisor accounts may read records but not change them'
	},
	'gateway.scope': {
		vi: 'Hồ sơ không thuộc tổ/phường bạn phụ trách',
		en: 'This record is outside your groups or ward'
	},
	'gateway.ward_mismatch': {
		vi: 'Hồ sơ ghi một phường khác với phường đang đồng bộ',
		en: "The record names a ward other than this database's"
	},
	'gateway.unknown_deletion': {
		vi: 'Không thể xóa hồ sơ mà máy chủ không có',
		en: 'Cannot delete a record the server does not hold'
	},
	'gateway.attachments': { vi: 'Không nhận tệp đính kèm', en: 'Attachments are not accepted' },
	'request.too_large': {
		vi: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB mỗi lần)',
		en: 'The request is too large (1 MB at most)'
	},
	'gateway.too_large': {
		vi: 'Dữ liệu gửi lên quá lớn (tối đa 10 MB mỗi lần)',
		en: 'The request is too large (10 MB at most)'
	},
	'gateway.bad_request': { vi: 'Yêu cầu không hợp lệ', en: 'Malformed request' },
	'gateway.keys_required': {
		vi: '_all_docs chỉ được trả lời khi có danh sách keys',
		en: '_all_docs is answered only with keys'
	},
	'gateway.method': { vi: 'Phương thức không được hỗ trợ', en: 'Method not supported' },
	'gateway.unavailable': {
		vi: 'Máy chủ dữ liệu không phản hồi, hãy thử lại sau',
		en: 'The database server does not answer: try again later'
	},
	'gateway.not_found': { vi: 'Không tìm thấy', en: 'Not found' },
	'gateway.conflict': {
		vi: 'Bản ghi vừa được sửa ở nơi khác: hãy đọc lại rồi ghi',
		en: 'The record was changed elsewhere: read it again, then write'
	},
	'gateway.local_id': {
		vi: 'Mã điểm đồng bộ không hợp lệ',
		en: 'Invalid checkpoint id'
	},
	'declaration.append_only': {
		vi: 'Tờ khai đã gửi không được sửa hay xóa; hãy lập tờ khai đính chính',
		en: 'A sent declaration cannot be changed or deleted: make a correcting declaration'
	},
	'declaration.already_stored': {
		vi: 'Tờ khai này đã có trên máy chủ',
		en: 'This declaration is already on the server'
	},
	'declaration.resident_channel': {
		vi: 'Hộ gia đình tự khai qua mã QR: tờ khai phải ghi người khai là hộ gia đình, kênh QR',
		en: "A household's own phone declares by QR: the declarant must be the resident, by QR"
	},
	'declaration.qr_resident_only': {
		vi: 'Chỉ điện thoại của hộ gia đình mới khai được theo kênh QR tự khai',
		en: "Only the household's own phone can make a QR self-declaration"
	},
	'claim.malformed': {
		vi: 'Mã QR này không phải mã hộ gia đình của chương trình',
		en: "This QR code is not one of the programme's household codes"
	},
	'claim.unknown': {
		vi: 'Không tìm thấy hộ gia đình của mã này. Hãy kiểm tra lại tờ hướng dẫn hoặc gọi đường dây nóng',
		en: 'No household has this code. Check the instruction sheet or call the hotline'
	},
	'claim.revoked': {
		vi: 'Mã QR này đã được thay hoặc thu hồi. Hãy xin tờ hướng dẫn mới ở tổ trưởng hoặc trạm y tế phường',
		en: 'This QR code was replaced or revoked. Ask the group leader or the ward health station for a new sheet'
	},
	'claim.household_gone': {
		vi: 'Hộ gia đình này đã chuyển đi hoặc được gộp với hộ khác. Hãy gọi đường dây nóng của phường',
		en: "This household has moved or was merged with another. Call the ward's hotline"
	},
	'claim.wrong_answer': {
		vi: 'Câu trả lời chưa đúng. Hãy nhập năm sinh của chủ hộ hoặc mã in dưới mã QR',
		en: 'That answer is not right. Type the year of birth of the head of household, or the code printed under the QR'
	},
	'claim.too_many_answers': {
		vi: 'Đã trả lời sai quá nhiều lần. Hãy thử lại sau ít phút hoặc gọi đường dây nóng',
		en: 'Too many wrong answers. Try again in a few minutes, or call the hotline'
	},
	'claim.throttled': {
		vi: 'Đã thử quá nhiều mã. Hãy chờ ít phút rồi quét lại',
		en: 'Too many codes tried. Wait a few minutes, then scan again'
	},
	'claim.too_many_phones': {
		vi: 'Hộ gia đình này đã mở trên quá nhiều điện thoại. Hãy gọi đường dây nóng',
		en: 'This household is open on too many phones. Call the hotline'
	},
	'claim.answer_required': {
		vi: 'Hãy nhập năm sinh của chủ hộ hoặc mã in dưới mã QR',
		en: 'Type the year of birth of the head of household, or the code printed under the QR'
	},
	'qr.forbidden': {
		vi: 'Chỉ trạm y tế phường quản lý mã QR của hộ trong phường mình',
		en: "Only the ward health station manages its own ward's household QR codes"
	},
	'ward.staff_only': {
		vi: 'Chỉ trạm y tế phường quản lý tổ dân phố và tổ trưởng của phường mình',
		en: "Only the ward health station manages its own ward's groups and collaborators"
	},
	'ward.groups_invalid': {
		vi: 'Hãy chọn ít nhất một tổ dân phố của phường mình',
		en: "Choose at least one of your own ward's groups"
	},
	'ward.username_taken': {
		vi: 'Tên đăng nhập này đã có người dùng, hãy chọn tên khác',
		en: 'This username is taken: choose another'
	},
	'csrf.cross_site': {
		vi: 'Yêu cầu ghi dữ liệu gửi từ trang web khác bị từ chối',
		en: 'A write sent from another site is refused'
	},
	'audit.forbidden': {
		vi: 'Chỉ trạm y tế phường được xem nhật ký truy cập của phường mình',
		en: "Only a ward's health station may read that ward's audit trail"
	},
	'progress.forbidden': {
		vi: 'Bạn chỉ xem được tiến độ của đơn vị mình và các đơn vị trực thuộc',
		en: 'You can see the progress of your own unit and the units under it only'
	},
	'gateway.household': {
		vi: 'Điện thoại này chỉ được ghi hồ sơ của hộ gia đình mình',
		en: 'This phone may write only its own household'
	},
	'device_status.owner': {
		vi: 'Chỉ được ghi trạng thái thiết bị của chính mình',
		en: 'You may write only your own device status'
	},

	// ---- The org tree: importing units from CSV, moving and merging them. {name} marks a
	// value the report fills in (`messageWith`).
	'org.csv_encoding': {
		vi: 'Tệp không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3) từ dòng {line}. Hãy mở tệp và lưu lại dạng "CSV UTF-8"',
		en: 'The file is not UTF-8 (perhaps Windows-1258 or TCVN3) from line {line}. Open it and save it again as "CSV UTF-8"'
	},
	'org.csv_empty': { vi: 'Tệp không có dữ liệu', en: 'The file holds no data' },
	'org.csv_too_large': {
		vi: 'Tệp quá lớn (tối đa {max_mb} MB)',
		en: 'The file is too large ({max_mb} MB at most)'
	},
	'org.csv_delimiter': {
		vi: 'Các cột phải cách nhau bằng dấu phẩy; tệp này dùng dấu chấm phẩy',
		en: 'Columns must be separated by commas; this file uses semicolons'
	},
	'org.csv_quote': {
		vi: 'Dấu ngoặc kép mở mà không đóng',
		en: 'A quotation mark is opened and never closed'
	},
	'org.csv_missing_column': {
		vi: 'Thiếu cột bắt buộc "{column}" ở dòng tiêu đề',
		en: 'The header lacks the required column "{column}"'
	},
	'org.csv_unknown_column': {
		vi: 'Cột "{column}" không được hỗ trợ (các cột: code, level, name, parent, cadence_months, hotline)',
		en: 'Column "{column}" is not supported (columns: code, level, name, parent, cadence_months, hotline)'
	},
	'org.csv_duplicate_column': {
		vi: 'Cột "{column}" xuất hiện hai lần',
		en: 'Column "{column}" appears twice'
	},
	'org.csv_field_count': {
		vi: 'Dòng có {found} ô, dòng tiêu đề có {expected}',
		en: 'The line has {found} cells, the header {expected}'
	},
	'org.code_required': { vi: 'Thiếu mã đơn vị', en: 'The unit code is missing' },
	'org.code_level': {
		vi: 'Mã "{code}" không đúng dạng của cấp này: tỉnh/thành phố 2 chữ số, quận/huyện 3, phường/xã 5, tổ dân phố <mã phường>-<số thứ tự>',
		en: 'Code "{code}" does not fit its level: city or province 2 digits, district 3, ward or commune 5, group <ward code>-<number>'
	},
	'org.level_invalid': {
		vi: 'Cấp "{value}" không hợp lệ: dùng city, district, ward hoặc group',
		en: 'Level "{value}" is not valid: use city, district, ward or group'
	},
	'org.name_required': { vi: 'Thiếu tên đơn vị', en: 'The unit name is missing' },
	'org.name_too_long': {
		vi: 'Tên đơn vị dài quá {max} ký tự',
		en: 'The unit name is longer than {max} characters'
	},
	'org.parent_required': {
		vi: 'Đơn vị cấp này phải có đơn vị cấp trên (cột parent)',
		en: 'A unit of this level needs a parent (the parent column)'
	},
	'org.parent_unknown': {
		vi: 'Đơn vị cấp trên "{parent}" không có trong tệp cũng như trong danh mục hiện có',
		en: 'Parent "{parent}" is neither in the file nor in the existing tree'
	},
	'org.city_parent': {
		vi: 'Tỉnh/thành phố là cấp cao nhất, không có đơn vị cấp trên',
		en: 'A city or province is a root: it has no parent'
	},
	'org.district_parent': {
		vi: 'Quận/huyện chỉ nằm dưới tỉnh/thành phố; "{parent}" không phải tỉnh/thành phố',
		en: 'A district sits only under a city or province; "{parent}" is not one'
	},
	'org.ward_parent': {
		vi: 'Phường/xã chỉ nằm dưới tỉnh/thành phố hoặc quận/huyện; "{parent}" không phải',
		en: 'A ward or commune sits only under a city, province or district; "{parent}" is neither'
	},
	'org.group_parent': {
		vi: 'Tổ dân phố chỉ nằm dưới phường/xã; "{parent}" không phải phường/xã',
		en: 'A neighbourhood group sits only under a ward or commune; "{parent}" is not one'
	},
	'org.group_code_parent': {
		vi: 'Mã tổ "{code}" phải bắt đầu bằng mã phường của tổ ({parent}-…)',
		en: 'Group code "{code}" must start with its ward\'s code ({parent}-…)'
	},
	'org.group_ward_fixed': {
		vi: 'Tổ dân phố không chuyển sang phường khác được vì mã tổ chứa mã phường; hãy tạo tổ mới ở phường kia',
		en: "A group cannot move to another ward, its code holds the ward's; create a new group there"
	},
	'org.parent_merged': {
		vi: 'Đơn vị cấp trên "{parent}" đã được sáp nhập vào "{into}"',
		en: 'Parent "{parent}" was merged into "{into}"'
	},
	'org.duplicate_code': {
		vi: 'Mã "{code}" đã có ở dòng {line}',
		en: 'Code "{code}" is already on line {line}'
	},
	'org.cadence_invalid': {
		vi: 'Chu kỳ nhắc (cadence_months) là 3 hoặc 6 tháng, không phải "{value}"',
		en: 'The reminder cadence (cadence_months) is 3 or 6 months, not "{value}"'
	},
	'org.hotline_invalid': {
		vi: 'Đường dây nóng chỉ gồm chữ số, dấu cách, dấu chấm, +, ( ) hoặc -, tối đa 20 ký tự',
		en: 'A hotline holds digits, spaces, dots, +, ( ) or -, 20 characters at most'
	},
	'org.cycle': {
		vi: 'Không thể đặt "{code}" dưới chính nó hay dưới một đơn vị thuộc nó',
		en: 'Cannot put "{code}" under itself or under a unit below it'
	},
	'org.unit_unknown': {
		vi: 'Không có đơn vị "{code}" trong danh mục',
		en: 'There is no unit "{code}" in the tree'
	},
	'org.unit_merged': {
		vi: 'Đơn vị "{code}" đã được sáp nhập vào "{into}"',
		en: 'Unit "{code}" was merged into "{into}"'
	},
	'org.admin_only': {
		vi: 'Chỉ quản trị viên được sửa danh mục đơn vị',
		en: 'Only an administrator may change the org tree'
	},
	'org.write_conflict': {
		vi: 'Danh mục đơn vị vừa được sửa ở nơi khác trong lúc ghi; hãy chạy lại (lần chạy lại chỉ ghi phần còn thiếu)',
		en: 'The org tree changed elsewhere while writing; run again (a rerun writes only what is missing)'
	},
	'org.merge_into_code': {
		vi: 'Mã phường mới "{code}" phải gồm 5 chữ số',
		en: 'The new ward code "{code}" must have 5 digits'
	},
	'org.merge_into_level': {
		vi: 'Mã "{code}" đã là một đơn vị khác cấp phường/xã',
		en: 'Code "{code}" is already a unit that is not a ward'
	},
	'org.merge_no_sources': {
		vi: 'Hãy nêu ít nhất một phường được sáp nhập',
		en: 'Name at least one ward to merge'
	},
	'org.merge_source_not_ward': {
		vi: '"{code}" không phải phường/xã trong danh mục',
		en: '"{code}" is not a ward in the tree'
	},
	'org.merge_source_elsewhere': {
		vi: 'Phường "{code}" đã được sáp nhập vào "{into}", không phải vào phường này',
		en: 'Ward "{code}" was merged into "{into}", not into this ward'
	},
	'org.merge_unmapped_group': {
		vi: 'Có hồ sơ thuộc tổ "{group}" mà danh mục không có tổ này; hãy thêm tổ rồi chạy lại',
		en: 'Records name group "{group}", which the tree lacks; add the group and run again'
	},
	...REGISTRY_MESSAGES,
	...ERASURE_MESSAGES,
	...CONSENT_MESSAGES
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Language = 'vi' | 'en';

export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(MESSAGES, value);
}

/** The message for a key in one language; an unknown key is shown as the generic one. */
export function message(key: string, language: Language = 'vi'): string {
	return isMessageKey(key) ? MESSAGES[key][language] : MESSAGES['doc.invalid'][language];
}

/** Both languages, Vietnamese first: the form the server gives as a rejection reason. */
export function bilingual(key: string): string {
	return `${message(key, 'vi')} / ${message(key, 'en')}`;
}

// ---- Messages that carry values ({code}, {line}…), for the org tree's reports.

export type MessageParams = Record<string, string | number>;

/** A message with its {placeholders} filled; a placeholder without a value stays visible. */
export function messageWith(key: string, params: MessageParams, language: Language = 'vi'): string {
	return message(key, language).replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

export function bilingualWith(key: string, params: MessageParams): string {
	return `${messageWith(key, params, 'vi')} / ${messageWith(key, params, 'en')}`;
}
