// The words of the core screens (sign-in, households, members, declarations, sync).

export const CORE_WORDS = {
	'app.name': { vi: 'Hồ sơ sức khỏe', en: 'Health records' },
	'app.skip_to_main': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
	'app.loading': { vi: 'Đang tải…', en: 'Loading…' },

	'language.switch_to': { vi: 'English', en: 'Tiếng Việt' },
	'language.switch_label': { vi: 'Đổi ngôn ngữ:', en: 'Language:' },

	'sync.region': { vi: 'Tình trạng đồng bộ', en: 'Sync status' },
	'sync.online': { vi: 'Có mạng', en: 'Online' },
	'sync.offline': { vi: 'Mất mạng', en: 'Offline' },
	'sync.waiting': { vi: '{count} chưa gửi', en: '{count} not sent' },
	'sync.synced': { vi: 'Đã đồng bộ', en: 'Synced' },
	'sync.last_success': { vi: 'Lần đồng bộ cuối: {time}', en: 'Last synced: {time}' },
	'sync.never': { vi: 'Chưa đồng bộ lần nào', en: 'Never synced yet' },
	'sync.error': { vi: 'Lỗi đồng bộ: {error}', en: 'Sync error: {error}' },

	'nav.sign_out': { vi: 'Đăng xuất', en: 'Sign out' },
	'nav.signed_in_as': { vi: 'Đang dùng: {name}', en: 'Signed in: {name}' },
	'nav.back_to_households': { vi: '← Về danh sách hộ', en: '← Back to households' },
	'nav.back_to_household': { vi: '← Về hộ gia đình', en: '← Back to the household' },
	'nav.back_to_member': { vi: '← Về thành viên', en: '← Back to the member' },

	'signin.title': { vi: 'Đăng nhập', en: 'Sign in' },
	'signin.intro': {
		vi: 'Dành cho tổ trưởng tổ dân phố và trạm y tế phường.',
		en: 'For neighbourhood group leaders and ward health stations.'
	},
	'signin.username': { vi: 'Tên đăng nhập', en: 'Username' },
	'signin.password': { vi: 'Mật khẩu', en: 'Password' },
	'signin.show_password': { vi: 'Hiện mật khẩu', en: 'Show password' },
	'signin.submit': { vi: 'Đăng nhập', en: 'Sign in' },
	'signin.busy': { vi: 'Đang đăng nhập…', en: 'Signing in…' },
	'signin.wrong': {
		vi: 'Sai tên đăng nhập hoặc mật khẩu',
		en: 'Wrong username or password'
	},
	'signin.throttled': {
		vi: 'Bạn đã thử quá nhiều lần. Hãy chờ vài phút rồi thử lại.',
		en: 'Too many attempts. Wait a few minutes and try again.'
	},
	'signin.offline_unknown': {
		vi: 'Không kết nối được máy chủ. Tài khoản này chưa từng đăng nhập trên máy này nên chưa thể đăng nhập khi không có mạng.',
		en: 'The server cannot be reached. This account has never signed in on this device, so it cannot sign in offline yet.'
	},
	'signin.offline_wrong': {
		vi: 'Mật khẩu không đúng (đang đăng nhập không cần mạng)',
		en: 'Wrong password (signing in offline)'
	},
	'signin.offline_unavailable': {
		vi: 'Trình duyệt này không hỗ trợ đăng nhập khi không có mạng. Hãy đăng nhập khi có mạng.',
		en: 'This browser cannot sign in offline. Sign in while online.'
	},
	'signin.server': {
		vi: 'Máy chủ đang gặp lỗi. Hãy thử lại sau.',
		en: 'The server has a problem. Try again later.'
	},
	'signin.offline_done': {
		vi: 'Đã đăng nhập không cần mạng. Dữ liệu sẽ được gửi khi có mạng.',
		en: 'Signed in offline. Data will be sent once online.'
	},
	'signin.reauth': {
		vi: 'Máy chủ cần bạn đăng nhập lại để gửi dữ liệu. Dữ liệu trên máy vẫn được giữ nguyên.',
		en: 'The server needs you to sign in again before data can be sent. The data on this device is kept.'
	},
	'signin.reauth_button': { vi: 'Đăng nhập lại', en: 'Sign in again' },

	'households.title_mine': { vi: 'Hộ gia đình của tôi', en: 'My households' },
	'households.title_ward': { vi: 'Hộ gia đình trong phường', en: 'Households in the ward' },
	'households.search': { vi: 'Tìm hộ', en: 'Find a household' },
	'households.search_hint': {
		vi: 'Tên người, số nhà hoặc đường; gõ không dấu cũng được (vd "nguyen van", "12/3").',
		en: 'A name, house number or street; no need for diacritics (e.g. "nguyen van", "12/3").'
	},
	'households.group_filter': { vi: 'Tổ dân phố', en: 'Neighbourhood group' },
	'households.all_groups': { vi: 'Tất cả các tổ', en: 'All groups' },
	'households.due_filter': { vi: 'Hạn cập nhật', en: 'Update due' },
	'households.due.all': { vi: 'Tất cả các hộ', en: 'All households' },
	'households.due.needs_visit': {
		vi: 'Cần đến: quá hạn, sắp đến hạn hoặc chưa khai',
		en: 'To visit: overdue, due soon or not declared'
	},
	'households.due.overdue': { vi: 'Có người quá hạn', en: 'Someone overdue' },
	'households.due.never': { vi: 'Có người chưa khai', en: 'Someone not declared' },
	'households.due.up_to_date': { vi: 'Cả hộ đã cập nhật', en: 'Whole household up to date' },
	'households.order': { vi: 'Sắp xếp', en: 'Order' },
	'households.order.address': { vi: 'Theo địa chỉ', en: 'By address' },
	'households.order.urgency': { vi: 'Gấp nhất trước', en: 'Most urgent first' },
	'households.next_due': { vi: 'Hạn gần nhất: {date}', en: 'Earliest due: {date}' },
	'households.add': { vi: 'Thêm hộ mới', en: 'Add a household' },
	'households.loading': { vi: 'Đang tải danh sách hộ…', en: 'Loading households…' },
	'households.empty': {
		vi: 'Chưa có hộ nào trên máy này. Khi có mạng, danh sách sẽ được tải về; bạn cũng có thể bấm "Thêm hộ mới".',
		en: 'No households on this device yet. They download once online; you can also press "Add a household".'
	},
	'households.no_match': {
		vi: 'Không có hộ nào khớp với "{query}".',
		en: 'No household matches "{query}".'
	},
	'households.count': { vi: '{count} hộ', en: '{count} households' },
	'households.members': { vi: '{count} người', en: '{count} people' },
	'households.head': { vi: 'Chủ hộ: {name}', en: 'Head: {name}' },
	'households.showing': {
		vi: 'Đang hiện {shown} trên {count} hộ',
		en: 'Showing {shown} of {count} households'
	},
	'households.show_more': { vi: 'Hiện thêm', en: 'Show more' },

	'due.never': { vi: 'Chưa khai báo', en: 'Not declared' },
	'due.overdue': { vi: 'Quá hạn', en: 'Overdue' },
	'due.due': { vi: 'Sắp đến hạn', en: 'Due soon' },
	'due.up_to_date': { vi: 'Đã cập nhật', en: 'Up to date' },

	'household.heading': { vi: 'Hộ {address}', en: 'Household {address}' },
	'household.details': { vi: 'Thông tin hộ', en: 'Household details' },
	'household.members_title': { vi: 'Thành viên', en: 'Members' },
	'household.no_members': {
		vi: 'Hộ chưa có thành viên nào. Bấm "Thêm thành viên".',
		en: 'No members yet. Press "Add a member".'
	},
	'household.add_member': { vi: 'Thêm thành viên', en: 'Add a member' },
	'household.edit': { vi: 'Sửa thông tin hộ', en: 'Edit household' },
	'household.not_found': {
		vi: 'Không tìm thấy hộ này trên máy.',
		en: 'This household is not on this device.'
	},

	'household_form.new_title': { vi: 'Thêm hộ mới', en: 'Add a household' },
	'household_form.edit_title': { vi: 'Sửa thông tin hộ', en: 'Edit household' },
	'field.house_number': { vi: 'Số nhà', en: 'House number' },
	'field.street': { vi: 'Đường / hẻm', en: 'Street / alley' },
	'field.head_name': { vi: 'Họ tên chủ hộ', en: 'Head of household' },
	'field.phone': { vi: 'Số điện thoại', en: 'Phone number' },
	'field.group': { vi: 'Tổ dân phố', en: 'Neighbourhood group' },
	'field.optional': { vi: '(không bắt buộc)', en: '(optional)' },
	'field.problem_prefix': { vi: 'Lỗi:', en: 'Problem:' },
	'field.address': { vi: 'Địa chỉ', en: 'Address' },

	'form.save': { vi: 'Lưu', en: 'Save' },
	'form.saving': { vi: 'Đang lưu…', en: 'Saving…' },
	'form.cancel': { vi: 'Hủy', en: 'Cancel' },
	'form.saved': { vi: 'Đã lưu trên máy', en: 'Saved on this device' },
	'form.problems': {
		vi: 'Có {count} chỗ cần sửa, xem bên dưới.',
		en: 'Problems to fix below: {count}'
	},
	'form.write_failed': {
		vi: 'Không lưu được trên máy: {error}',
		en: 'Could not save on this device: {error}'
	},
	'form.choose': { vi: '— Chọn —', en: '— Choose —' },
	'form.not_recorded': { vi: 'Không ghi', en: 'Not recorded' },

	'person_form.new_title': { vi: 'Thêm thành viên', en: 'Add a member' },
	'person_form.edit_title': { vi: 'Sửa thông tin thành viên', en: 'Edit member' },
	'field.full_name': { vi: 'Họ và tên', en: 'Full name' },
	'field.birth_date': { vi: 'Ngày sinh', en: 'Date of birth' },
	'field.birth_date_hint': {
		vi: 'Ngày/tháng/năm, vd 12/3/1958; hoặc chỉ năm sinh, vd 1958.',
		en: 'Day/month/year, e.g. 12/3/1958; or the year alone, e.g. 1958.'
	},
	'date.understood': { vi: 'Hiểu là: {date}', en: 'Read as: {date}' },
	'date.understood_year': {
		vi: 'Hiểu là: năm {year} (không rõ ngày)',
		en: 'Read as: the year {year} (day unknown)'
	},
	'field.sex': { vi: 'Giới tính', en: 'Sex' },
	'field.relation': { vi: 'Quan hệ với chủ hộ', en: 'Relation to the head' },
	'field.citizen_id': { vi: 'Số CCCD', en: 'Citizen ID (CCCD)' },
	'field.citizen_id_hint': {
		vi: '12 chữ số; trẻ em chưa có thì để trống.',
		en: '12 digits; leave empty for a child without one.'
	},
	'field.insurance_number': { vi: 'Mã thẻ BHYT', en: 'Health insurance number' },

	'sex.male': { vi: 'Nam', en: 'Male' },
	'sex.female': { vi: 'Nữ', en: 'Female' },
	'relation.head': { vi: 'Chủ hộ', en: 'Head of household' },
	'relation.spouse': { vi: 'Vợ / chồng', en: 'Spouse' },
	'relation.child': { vi: 'Con', en: 'Child' },
	'relation.parent': { vi: 'Cha / mẹ', en: 'Parent' },
	'relation.grandchild': { vi: 'Cháu', en: 'Grandchild' },
	'relation.grandparent': { vi: 'Ông / bà', en: 'Grandparent' },
	'relation.sibling': { vi: 'Anh / chị / em', en: 'Sibling' },
	'relation.child_in_law': { vi: 'Con dâu / con rể', en: 'Child-in-law' },
	'relation.other': { vi: 'Khác', en: 'Other' },

	'person.age': { vi: '{age} tuổi', en: '{age} years old' },
	'person.details': { vi: 'Thông tin cá nhân', en: 'Personal details' },
	'person.edit': { vi: 'Sửa thông tin', en: 'Edit details' },
	'person.declare': { vi: 'Khai báo sức khỏe', en: 'Health declaration' },
	'person.history': { vi: 'Lịch sử khai báo', en: 'Declaration history' },
	'person.no_history': { vi: 'Chưa có lần khai báo nào.', en: 'No declarations yet.' },
	'person.last_declared': { vi: 'Khai báo gần nhất: {date}', en: 'Last declared: {date}' },
	'person.next_due': { vi: 'Hạn cập nhật: {date}', en: 'Update due: {date}' },
	'person.not_found': {
		vi: 'Không tìm thấy người này trên máy.',
		en: 'This person is not on this device.'
	},

	'declaration.title': { vi: 'Khai báo sức khỏe', en: 'Health declaration' },
	'declaration.for': { vi: 'cho {name}', en: 'for {name}' },
	'declaration.measures': { vi: 'Chỉ số đo', en: 'Measurements' },
	'declaration.conditions': { vi: 'Bệnh mạn tính', en: 'Chronic conditions' },
	'declaration.conditions_legend': {
		vi: 'Đánh dấu các bệnh đang mắc (nếu có)',
		en: 'Tick the conditions the person has (if any)'
	},
	'declaration.habits': { vi: 'Thói quen', en: 'Habits' },
	'declaration.other': { vi: 'Thông tin khác', en: 'Other information' },
	'declaration.save': { vi: 'Lưu khai báo', en: 'Save declaration' },
	'declaration.prefilled': {
		vi: 'Nhóm máu, bệnh, thói quen và tiền sử được điền sẵn từ lần khai báo {date}; hãy hỏi lại cho chắc.',
		en: 'Blood group, conditions, habits and history are filled in from the declaration of {date}; check them again.'
	},
	'declaration.by_collaborator': {
		vi: 'Khai báo tại nhà bởi {user}',
		en: 'Declared door to door by {user}'
	},
	'declaration.by_resident': {
		vi: 'Người dân tự khai báo ({user})',
		en: 'Self-declared by the resident ({user})'
	},
	'declaration.correction': { vi: 'Bản sửa', en: 'Correction' },
	'field.height_cm': { vi: 'Chiều cao (cm)', en: 'Height (cm)' },
	'field.weight_kg': { vi: 'Cân nặng (kg)', en: 'Weight (kg)' },
	'field.blood_pressure': { vi: 'Huyết áp (mmHg)', en: 'Blood pressure (mmHg)' },
	'field.blood_pressure_hint': {
		vi: 'Hai số đo, vd 120 và 80 (có thể gõ "120/80" vào ô đầu).',
		en: 'The two readings, e.g. 120 and 80 (or type "120/80" in the first box).'
	},
	'field.systolic': { vi: 'Số trên (tâm thu)', en: 'Upper (systolic)' },
	'field.diastolic': { vi: 'Số dưới (tâm trương)', en: 'Lower (diastolic)' },
	'field.pulse': { vi: 'Mạch (lần/phút)', en: 'Pulse (beats per minute)' },
	'field.blood_group': { vi: 'Nhóm máu', en: 'Blood group' },
	'field.smoking': { vi: 'Hút thuốc', en: 'Smoking' },
	'field.alcohol': { vi: 'Uống rượu bia', en: 'Alcohol' },
	'field.pregnant': { vi: 'Đang mang thai', en: 'Pregnant' },
	'field.allergies': { vi: 'Dị ứng (thuốc, thức ăn…)', en: 'Allergies (medicines, food…)' },
	'field.disabilities': { vi: 'Khuyết tật', en: 'Disabilities' },
	'field.vaccinations': { vi: 'Tiêm chủng', en: 'Vaccinations' },
	'field.notes': { vi: 'Ghi chú', en: 'Notes' },

	'blood_group.unknown': { vi: 'Chưa biết', en: 'Unknown' },
	'chronic.hypertension': { vi: 'Tăng huyết áp', en: 'High blood pressure' },
	'chronic.diabetes': { vi: 'Đái tháo đường', en: 'Diabetes' },
	'chronic.heart_disease': { vi: 'Bệnh tim', en: 'Heart disease' },
	'chronic.stroke': { vi: 'Đột quỵ (tai biến)', en: 'Stroke' },
	'chronic.asthma_copd': { vi: 'Hen / phổi tắc nghẽn (COPD)', en: 'Asthma / COPD' },
	'chronic.cancer': { vi: 'Ung thư', en: 'Cancer' },
	'chronic.kidney_disease': { vi: 'Bệnh thận', en: 'Kidney disease' },
	'chronic.liver_disease': { vi: 'Bệnh gan', en: 'Liver disease' },
	'chronic.tuberculosis': { vi: 'Bệnh lao', en: 'Tuberculosis' },
	'chronic.mental_health': { vi: 'Sức khỏe tâm thần', en: 'Mental health' },
	'chronic.other': { vi: 'Bệnh mạn tính khác', en: 'Another chronic condition' },
	'smoking.never': { vi: 'Không hút', en: 'Never' },
	'smoking.former': { vi: 'Đã bỏ', en: 'Quit' },
	'smoking.current': { vi: 'Đang hút', en: 'Smokes' },
	'alcohol.never': { vi: 'Không uống', en: 'Never' },
	'alcohol.occasional': { vi: 'Thỉnh thoảng', en: 'Sometimes' },
	'alcohol.regular': { vi: 'Thường xuyên', en: 'Regularly' },
	yes: { vi: 'Có', en: 'Yes' },
	no: { vi: 'Không', en: 'No' },

	'role.collaborator': { vi: 'Tổ trưởng (cộng tác viên)', en: 'Group leader (collaborator)' },
	'role.ward_staff': { vi: 'Trạm y tế phường', en: 'Ward health station' },
	'role.district_supervisor': { vi: 'Giám sát quận', en: 'District supervisor' },
	'role.city_supervisor': { vi: 'Giám sát thành phố', en: 'City supervisor' },
	'role.admin': { vi: 'Quản trị', en: 'Administrator' },
	'role.resident': { vi: 'Hộ gia đình', en: 'Household' },

	'supervisor.account': { vi: 'Tài khoản: {name} — {role}', en: 'Account: {name} — {role}' },

	'error.title': { vi: 'Có lỗi xảy ra', en: 'Something went wrong' },
	'error.not_found': { vi: 'Không tìm thấy trang này.', en: 'This page does not exist.' },
	'error.home': { vi: 'Về trang chính', en: 'Go to the start page' },
	'database.failed': {
		vi: 'Không mở được dữ liệu trên máy: {error}',
		en: 'Could not open the data on this device: {error}'
	}
} as const satisfies Record<string, { vi: string; en: string }>;
