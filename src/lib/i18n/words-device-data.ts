// The words of the records kept on the phone: opening them with the password or PIN after a
// reload, and what signing out (or a closed account) does to them.

export const DEVICE_DATA_WORDS = {
	'unlock.title': { vi: 'Mở dữ liệu trên máy này', en: 'Open the records on this phone' },
	'unlock.intro_password': {
		vi: 'Hồ sơ sức khỏe trên máy được mã hóa. Nhập mật khẩu của {name} để mở (không cần mạng).',
		en: 'The health records on this phone are encrypted. Enter the password of {name} to open them (no connection needed).'
	},
	'unlock.intro_pin': {
		vi: 'Hồ sơ sức khỏe trên máy được mã hóa. Nhập mã PIN của hộ để mở (không cần mạng).',
		en: "The health records on this phone are encrypted. Enter the household's PIN to open them (no connection needed)."
	},
	'unlock.old_password': {
		vi: 'Mật khẩu đã được đổi. Nhập mật khẩu cũ một lần để mở dữ liệu trên máy này.',
		en: 'The password was changed. Enter the old password once to open the records on this phone.'
	},
	'unlock.password': { vi: 'Mật khẩu', en: 'Password' },
	'unlock.pin': { vi: 'Mã PIN', en: 'PIN' },
	'unlock.submit': { vi: 'Mở dữ liệu', en: 'Open the records' },
	'unlock.busy': { vi: 'Đang mở…', en: 'Opening…' },
	'unlock.wrong': {
		vi: 'Không mở được: mật khẩu hoặc mã PIN không đúng.',
		en: 'Could not open: the password or PIN is not right.'
	},
	'claim.pin_label': { vi: 'Mã PIN của máy này', en: "This phone's PIN" },
	'claim.pin_hint': {
		vi: 'Từ 4 đến 8 chữ số, do gia đình tự chọn và nhớ: mã này mở hồ sơ trên máy sau mỗi lần tải lại.',
		en: 'From 4 to 8 digits, chosen and remembered by the family: it opens the records on this phone after each reload.'
	},
	'claim.pin_invalid': {
		vi: 'Mã PIN phải có từ 4 đến 8 chữ số.',
		en: 'The PIN must have from 4 to 8 digits.'
	},
	'leave.checking': {
		vi: 'Đang gửi những gì còn chờ trước khi xóa dữ liệu trên máy…',
		en: 'Sending what is waiting before deleting the records on this phone…'
	},
	'leave.title_sign_out': {
		vi: 'Còn dữ liệu chưa gửi lên máy chủ',
		en: 'Some records have not reached the server'
	},
	'leave.title_disabled': {
		vi: 'Tài khoản đã bị khóa',
		en: 'This account has been disabled'
	},
	'leave.waiting': {
		vi: '{count} bản ghi trên máy này chưa gửi được lên máy chủ. Đăng xuất sẽ xóa chúng khỏi máy, và chúng sẽ mất.',
		en: '{count} records on this phone could not be sent to the server. Signing out deletes them from the phone, and they will be lost.'
	},
	'leave.waiting_disabled': {
		vi: 'Trạm y tế phường đã khóa tài khoản này. {count} bản ghi trên máy chưa gửi được; xóa dữ liệu trên máy sẽ làm mất chúng. Hãy liên hệ trạm y tế phường.',
		en: 'The ward health station disabled this account. {count} records on this phone could not be sent; deleting the records on the phone loses them. Contact the ward health station.'
	},
	'leave.locked': {
		vi: 'Dữ liệu trên máy đang khóa nên không biết còn bản ghi nào chưa gửi. Mở dữ liệu trước để gửi, hoặc xóa luôn.',
		en: 'The records on this phone are locked, so it is not known whether some are unsent. Open them first to send them, or delete them anyway.'
	},
	'leave.stay': { vi: 'Giữ lại dữ liệu', en: 'Keep the records' },
	'leave.delete': {
		vi: 'Vẫn xóa dữ liệu và đăng xuất',
		en: 'Delete the records and sign out anyway'
	},
	'leave.kept_disabled': {
		vi: 'Tài khoản đã bị khóa: dữ liệu chưa gửi vẫn được giữ trên máy.',
		en: 'The account is disabled: the unsent records are still kept on this phone.'
	},
	'leave.delete_now': { vi: 'Xóa dữ liệu trên máy', en: 'Delete the records on this phone' },
	'leave.wiped': {
		vi: 'Đã đăng xuất và xóa dữ liệu trên máy này.',
		en: 'Signed out, and the records on this phone were deleted.'
	},
	'leave.wiped_disabled': {
		vi: 'Tài khoản đã bị khóa: đã xóa dữ liệu trên máy này sau khi gửi xong.',
		en: 'The account was disabled: the records on this phone were deleted after everything was sent.'
	}
} as const;
