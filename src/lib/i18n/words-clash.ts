// The words of the screen where ward staff confirm clashing edits of a household or person.

export const CLASH_WORDS = {
	'clash.title': {
		vi: 'Thay đổi trùng cần xác nhận',
		en: 'Clashing changes to confirm'
	},
	'clash.link': {
		vi: 'Thay đổi trùng cần xác nhận ({count})',
		en: 'Clashing changes to confirm ({count})'
	},
	'clash.intro': {
		vi: 'Hai máy đã sửa cùng một thông tin khi không có mạng. Máy đã tạm giữ một giá trị; hãy chọn giá trị đúng.',
		en: 'Two phones changed the same detail while offline. One value was kept for now; choose the right one.'
	},
	'clash.loading': { vi: 'Đang đọc dữ liệu trên máy…', en: 'Reading the data on this device…' },
	'clash.none': {
		vi: 'Không có thay đổi trùng nào cần xác nhận.',
		en: 'No clashing changes to confirm.'
	},
	'clash.staff_only': {
		vi: 'Chỉ cán bộ trạm y tế phường xác nhận thay đổi trùng.',
		en: 'Only ward health staff confirm clashing changes.'
	},
	'clash.household': { vi: 'Hộ {address}', en: 'Household {address}' },
	'clash.person': { vi: '{name}, hộ {address}', en: '{name}, household {address}' },
	'clash.field': { vi: 'Thông tin: {field}', en: 'Detail: {field}' },
	'clash.field_household': { vi: 'Hộ gia đình', en: 'Household' },
	'clash.field_other': { vi: 'Thông tin khác', en: 'Another detail' },
	'clash.kept': { vi: 'Đang giữ', en: 'Kept for now' },
	'clash.lost': { vi: 'Bị thay', en: 'Replaced' },
	'clash.by': { vi: '{user}, lúc {time}', en: '{user}, at {time}' },
	'clash.empty_value': { vi: '(để trống)', en: '(left empty)' },
	'clash.choose': { vi: 'Chọn “{value}”', en: 'Choose “{value}”' },
	'clash.confirmed': {
		vi: 'Đã xác nhận “{value}” trên máy. Sẽ gửi khi có mạng.',
		en: 'Confirmed “{value}” on this device. It is sent when online.'
	},
	'clash.open_record': { vi: 'Mở hồ sơ', en: 'Open the record' }
} as const;
