// The words of the ward staff's screen that edits the ward's consent text.

export const CONSENT_TEXT_WORDS = {
	'consent_text.link': { vi: 'Nội dung đồng ý của phường', en: "The ward's consent text" },
	'consent_text.title': { vi: 'Nội dung đồng ý của phường', en: "The ward's consent text" },
	'consent_text.intro': {
		vi: 'Hộ gia đình đọc nội dung này (hoặc nghe cộng tác viên đọc) trước lần khai báo đầu tiên. Hãy nói rõ thu thập gì, để làm gì và ai được xem. Mỗi lần lưu là một phiên bản mới; các phiên bản cũ được giữ lại, vì mỗi tờ khai ghi phiên bản hộ đã đồng ý.',
		en: 'Households read this text (or hear the collaborator read it) before their first declaration. Say what is collected, why, and who sees it. Each save is a new version; earlier ones are kept, since every declaration names the version the household agreed to.'
	},
	'consent_text.current': {
		vi: 'Đang dùng: phiên bản {version}, lưu ngày {date} bởi {by}',
		en: 'In use: version {version}, saved on {date} by {by}'
	},
	'consent_text.current_standard': {
		vi: 'Đang dùng: nội dung chuẩn (phiên bản 0); phường chưa soạn nội dung riêng',
		en: 'In use: the standard text (version 0); the ward has not written its own'
	},
	'consent_text.vi_label': { vi: 'Nội dung tiếng Việt', en: 'Vietnamese text' },
	'consent_text.en_label': { vi: 'Nội dung tiếng Anh', en: 'English text' },
	'consent_text.save': { vi: 'Lưu phiên bản mới', en: 'Save as a new version' },
	'consent_text.saving': { vi: 'Đang lưu…', en: 'Saving…' },
	'consent_text.saved': {
		vi: 'Đã lưu phiên bản {version}. Điện thoại sẽ nhận nội dung mới ở lần đồng bộ tới.',
		en: 'Version {version} saved. Phones get the new text at their next sync.'
	},
	'consent_text.unchanged': {
		vi: 'Nội dung chưa thay đổi so với phiên bản đang dùng',
		en: 'The text is the same as the version in use'
	},
	'consent_text.offline': {
		vi: 'Không có mạng: cần mạng để xem và lưu nội dung đồng ý',
		en: 'No network: the consent text needs the network to read and save'
	},
	'consent_text.failed': {
		vi: 'Chưa lưu được: {reason}',
		en: 'Not saved: {reason}'
	},
	'consent_text.history': { vi: 'Các phiên bản ({count})', en: 'Versions ({count})' },
	'consent_text.version_line': {
		vi: 'Phiên bản {version}, ngày {date}, bởi {by}',
		en: 'Version {version}, {date}, by {by}'
	},
	'consent_text.standard_line': {
		vi: 'Phiên bản 0: nội dung chuẩn',
		en: 'Version 0: the standard text'
	}
} as const;
