// The words of the ward staff's management screen: groups and collaborators.

export const WARD_WORDS = {
	'ward_admin.title': { vi: 'Tổ dân phố và tổ trưởng', en: 'Groups and collaborators' },
	'ward_admin.link': { vi: 'Quản lý tổ và tổ trưởng', en: 'Manage groups and collaborators' },
	'ward_admin.online_only': {
		vi: 'Màn hình này cần có mạng.',
		en: 'This screen needs the internet.'
	},
	'ward_admin.failed': { vi: 'Không thực hiện được: {reason}', en: 'Could not do it: {reason}' },
	'ward_admin.groups': { vi: 'Tổ dân phố', en: 'Neighbourhood groups' },
	'ward_admin.group_name': { vi: 'Tên tổ mới', en: 'New group name' },
	'ward_admin.add_group': { vi: 'Thêm tổ', en: 'Add the group' },
	'ward_admin.rename': { vi: 'Đổi tên', en: 'Rename' },
	'ward_admin.rename_label': { vi: 'Tên mới của {name}', en: 'New name for {name}' },
	'ward_admin.save': { vi: 'Lưu', en: 'Save' },
	'ward_admin.collaborators': { vi: 'Tổ trưởng (cộng tác viên)', en: 'Collaborators' },
	'ward_admin.none': { vi: 'Chưa có tổ trưởng nào.', en: 'No collaborators yet.' },
	'ward_admin.new_collaborator': { vi: 'Thêm tổ trưởng', en: 'Add a collaborator' },
	'ward_admin.username': { vi: 'Tên đăng nhập', en: 'Username' },
	'ward_admin.username_hint': {
		vi: 'Chữ thường không dấu, số, dấu chấm hoặc gạch: vd ctv-to3',
		en: 'Lower-case letters, digits, dots or dashes: e.g. ctv-to3'
	},
	'ward_admin.display_name': { vi: 'Họ tên', en: 'Full name' },
	'ward_admin.their_groups': { vi: 'Phụ trách tổ', en: 'Groups they work in' },
	'ward_admin.create': { vi: 'Tạo tài khoản', en: 'Create the account' },
	'ward_admin.password_once': {
		vi: 'Mật khẩu tạm của {name}: {password} — hãy đọc cho người đó ngay; mật khẩu không hiện lại.',
		en: "{name}'s temporary password: {password} — give it to them now; it is not shown again."
	},
	'ward_admin.reset': { vi: 'Cấp lại mật khẩu', en: 'Reset the password' },
	'ward_admin.reset_confirm': {
		vi: 'Cấp mật khẩu mới cho {name}? Mật khẩu cũ sẽ không dùng được nữa.',
		en: 'Give {name} a new password? The old one stops working.'
	},
	'ward_admin.disable': { vi: 'Khóa tài khoản', en: 'Disable the account' },
	'ward_admin.disable_confirm': {
		vi: 'Khóa tài khoản của {name}? Điện thoại của họ sẽ ngừng đồng bộ.',
		en: "Disable {name}'s account? Their phone stops syncing."
	},
	'ward_admin.enable': { vi: 'Mở khóa', en: 'Enable' },
	'ward_admin.disabled': { vi: 'Đã khóa', en: 'Disabled' },
	'ward_admin.save_groups': { vi: 'Lưu các tổ phụ trách', en: 'Save their groups' },
	'ward_admin.done': { vi: 'Đã lưu.', en: 'Saved.' },
	'ward_admin.busy': { vi: 'Đang lưu…', en: 'Saving…' }
} as const satisfies Record<string, { vi: string; en: string }>;
