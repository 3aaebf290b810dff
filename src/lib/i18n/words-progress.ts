// The words of the supervisors' dashboard: progress from group to city, devices, exports.

export const PROGRESS_WORDS = {
	'progress.title': { vi: 'Tiến độ khai báo', en: 'Declaration progress' },
	'progress.loading': { vi: 'Đang tải số liệu…', en: 'Loading the figures…' },
	'progress.offline': {
		vi: 'Bảng tiến độ cần có mạng. Hãy kết nối rồi thử lại.',
		en: 'The progress dashboard needs the internet. Connect, then try again.'
	},
	'progress.failed': { vi: 'Không tải được số liệu: {reason}', en: 'Could not load: {reason}' },
	'progress.retry': { vi: 'Tải lại', en: 'Reload' },
	'progress.breadcrumb': { vi: 'Đơn vị', en: 'Units' },
	'progress.computed_at': { vi: 'Số liệu lúc {time}', en: 'Figures as of {time}' },
	'progress.households': { vi: 'Hộ', en: 'Households' },
	'progress.households_declared': {
		vi: '{count} hộ đã có người khai ({percent}%)',
		en: '{count} households with someone declared ({percent}%)'
	},
	'progress.persons': { vi: 'Người', en: 'People' },
	'progress.declared': { vi: 'Đã khai', en: 'Declared' },
	'progress.declared_of': {
		vi: '{count} / {total} người ({percent}%)',
		en: '{count} of {total} people ({percent}%)'
	},
	'progress.up_to_date': { vi: 'Đúng hạn', en: 'Up to date' },
	'progress.overdue': { vi: 'Quá hạn', en: 'Overdue' },
	'progress.never': { vi: 'Chưa khai', en: 'Not declared' },
	'progress.last_7_days': { vi: '7 ngày qua', en: 'Last 7 days' },
	'progress.last_30_days': { vi: '30 ngày qua', en: 'Last 30 days' },
	'progress.by_channel': {
		vi: 'Tự khai qua QR: {qr} · Tận nhà: {door}',
		en: 'QR self-declared: {qr} · Door to door: {door}'
	},
	'progress.declarations_count': { vi: '{count} tờ khai', en: '{count} declarations' },
	'progress.column.name': { vi: 'Đơn vị', en: 'Unit' },
	'progress.column.households': { vi: 'Số hộ', en: 'Households' },
	'progress.column.persons': { vi: 'Số người', en: 'People' },
	'progress.column.declared_percent': { vi: 'Đã khai (%)', en: 'Declared (%)' },
	'progress.column.up_to_date_percent': { vi: 'Đúng hạn (%)', en: 'Up to date (%)' },
	'progress.column.overdue': { vi: 'Quá hạn', en: 'Overdue' },
	'progress.column.last_7_days': { vi: 'Tờ khai 7 ngày', en: 'Declarations, 7 days' },
	'progress.column.last_30_days': { vi: 'Tờ khai 30 ngày', en: 'Declarations, 30 days' },
	'progress.column.qr': { vi: 'Tự khai QR', en: 'QR self' },
	'progress.column.door_to_door': { vi: 'Tận nhà', en: 'Door to door' },
	'progress.sort_by': { vi: 'Sắp xếp theo {column}', en: 'Sort by {column}' },
	'progress.total': { vi: 'Tổng', en: 'Total' },
	'progress.children.district': { vi: 'Các quận, huyện', en: 'Districts' },
	'progress.children.ward': { vi: 'Các phường, xã', en: 'Wards and communes' },
	'progress.children.group': { vi: 'Các tổ dân phố', en: 'Neighbourhood groups' },
	'progress.children.mixed': { vi: 'Đơn vị trực thuộc', en: 'Units under it' },
	'progress.no_children': { vi: 'Chưa có đơn vị trực thuộc.', en: 'No units under it yet.' },
	'progress.export_csv': { vi: 'Xuất bảng (CSV)', en: 'Export the table (CSV)' },
	'progress.trend': {
		vi: 'Tờ khai mỗi ngày, 30 ngày qua',
		en: 'Declarations per day, last 30 days'
	},
	'progress.trend_summary': {
		vi: '{total} tờ khai trong 30 ngày; nhiều nhất {max} trong một ngày',
		en: '{total} declarations in 30 days; at most {max} in one day'
	},
	'progress.trend_table': { vi: 'Xem dạng bảng', en: 'Show as a table' },
	'progress.day': { vi: 'Ngày', en: 'Day' },
	'progress.channel.qr': { vi: 'Tự khai QR', en: 'QR self-declared' },
	'progress.channel.door_to_door': { vi: 'Tận nhà', en: 'Door to door' },
	'progress.households_title': { vi: 'Các hộ của tổ', en: "The group's households" },
	'progress.households_empty': {
		vi: 'Tổ này chưa có hộ nào.',
		en: 'This group has no households yet.'
	},
	'progress.only_overdue': {
		vi: 'Chỉ hộ cần đến (quá hạn hoặc còn người chưa khai)',
		en: 'Only households to visit (overdue, or someone not declared)'
	},
	'progress.print_list': { vi: 'In danh sách đi thăm', en: 'Print the visit list' },
	'progress.household_row': {
		vi: '{persons} người · đã khai {declared} · quá hạn {overdue}',
		en: '{persons} people · {declared} declared · {overdue} overdue'
	},
	'progress.last_declared': { vi: 'Khai gần nhất: {date}', en: 'Last declared: {date}' },
	'progress.devices_title': { vi: 'Thiết bị của tổ trưởng', en: "Collaborators' devices" },
	'progress.devices_hours': {
		vi: 'Báo khi quá {hours} giờ không đồng bộ',
		en: 'Flag after {hours} hours without sync'
	},
	'progress.devices_empty': { vi: 'Chưa có tổ trưởng nào.', en: 'No collaborators yet.' },
	'progress.device_never': {
		vi: 'Chưa đồng bộ lần nào trên thiết bị nào',
		en: 'Has never synced on any device'
	},
	'progress.device_reported': { vi: 'Đồng bộ lần cuối: {time}', en: 'Last synced: {time}' },
	'progress.device_not_reported': { vi: 'Chưa báo về', en: 'Never reported' },
	'progress.device_waiting': { vi: '{count} bản ghi chưa gửi', en: '{count} records not sent' },
	'progress.device_stale': { vi: 'Lâu chưa đồng bộ', en: 'Not synced for long' },
	'progress.device_error': { vi: 'Lỗi: {error}', en: 'Error: {error}' },
	'progress.device_ok': { vi: 'Bình thường', en: 'In step' },
	'progress.other_devices': { vi: 'Thiết bị khác trong phường', en: 'Other devices in the ward' },
	'progress.attention': { vi: 'Cần chú ý', en: 'Needs attention' },
	'progress.replication_title': { vi: 'Sao chép trên máy chủ', en: 'Replication on the server' },
	'progress.replication_unavailable': {
		vi: 'Máy chủ cơ sở dữ liệu này không báo việc sao chép (chỉ Apache CouchDB có).',
		en: 'This database server does not report replication (only Apache CouchDB does).'
	},
	'progress.replication_none': { vi: 'Không có việc sao chép nào.', en: 'No replication running.' },
	'progress.replication_task': {
		vi: '{source} → {target}: {state}, đã ghi {written}, còn {pending}',
		en: '{source} → {target}: {state}, {written} written, {pending} pending'
	},
	'progress.to_households': { vi: 'Danh sách hộ (nhập liệu)', en: 'Households (data entry)' }
} as const satisfies Record<string, { vi: string; en: string }>;
