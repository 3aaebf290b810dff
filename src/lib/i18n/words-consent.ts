// The words of recording a household's consent with its first declaration, and of the
// consent it gave (on the declaration screen and in the household's own data).

export const CONSENT_WORDS = {
	'consent_form.title': {
		vi: 'Đồng ý cho thu thập thông tin sức khỏe',
		en: 'Consent to collect health data'
	},
	'consent_form.intro_resident': {
		vi: 'Đây là lần khai báo đầu tiên của hộ. Xin đọc nội dung dưới đây trước khi khai báo.',
		en: "This is the household's first declaration. Please read the text below before declaring."
	},
	'consent_form.intro_collaborator': {
		vi: 'Đây là lần khai báo đầu tiên của hộ. Hãy đọc to nội dung dưới đây cho người dân và hỏi họ có đồng ý không.',
		en: "This is the household's first declaration. Read the text below aloud to the resident and ask whether they agree."
	},
	'consent_form.version': {
		vi: 'Nội dung của phường, phiên bản {version}',
		en: "The ward's text, version {version}"
	},
	'consent_form.standard': {
		vi: 'Nội dung chuẩn (phường chưa soạn nội dung riêng)',
		en: 'The standard text (the ward has not written its own)'
	},
	'consent_form.given_by': { vi: 'Người đồng ý', en: 'Who agreed' },
	'consent_form.mode': { vi: 'Người dân đồng ý bằng cách nào', en: 'How the resident agreed' },
	'consent_form.mode_oral': { vi: 'Đồng ý bằng lời', en: 'Said so aloud' },
	'consent_form.mode_paper': { vi: 'Ký vào phiếu giấy', en: 'Signed the paper form' },
	'consent_form.agree_resident': {
		vi: 'Tôi đã đọc và đồng ý',
		en: 'I have read this and agree'
	},
	'consent_form.agree_collaborator': {
		vi: 'Người dân đã nghe nội dung này và đồng ý',
		en: 'The resident heard this text and agrees'
	},
	'consent_form.agree_label': { vi: 'Đồng ý', en: 'Consent' },
	'consent_form.on_file': {
		vi: 'Hộ đã đồng ý ngày {date} (nội dung phiên bản {version}).',
		en: 'The household consented on {date} (text version {version}).'
	},
	'consent_form.section': { vi: 'Sự đồng ý của hộ', en: "The household's consent" },
	'consent_form.agreed_by': { vi: 'Người đồng ý: {name}, {how}.', en: 'Agreed by {name}, {how}.' },
	'consent_form.none': {
		vi: 'Hộ chưa đồng ý cho thu thập thông tin sức khỏe.',
		en: 'The household has not yet consented to the collection of health data.'
	},
	'consent_form.mode_in_app_done': {
		vi: 'trên điện thoại của hộ',
		en: "on the household's phone"
	},
	'consent_form.mode_oral_done': {
		vi: 'bằng lời, với cộng tác viên',
		en: 'aloud, to the collaborator'
	},
	'consent_form.mode_paper_done': {
		vi: 'ký phiếu giấy, với cộng tác viên',
		en: 'signed on paper, with the collaborator'
	}
} as const;
