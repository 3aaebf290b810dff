// The messages of recording consent with a declaration, and of the ward's consent text. Part
// of MESSAGES (messages.ts).

export const CONSENT_MESSAGES = {
	'consent.missing': {
		vi: 'Chưa có sự đồng ý của hộ gia đình: hãy đọc nội dung đồng ý và đánh dấu trước khi lưu',
		en: 'The household has not consented yet: read the consent text and tick it before saving'
	},
	'consent.invalid': {
		vi: 'Thông tin đồng ý không hợp lệ',
		en: 'The consent record is not valid'
	},
	'consent.given_by': {
		vi: 'Chọn thành viên trong hộ đã đồng ý',
		en: 'Choose the member of the household who agreed'
	},
	'consent.mode_role': {
		vi: 'Hộ gia đình tự đồng ý trên điện thoại của hộ; cộng tác viên ghi nhận đồng ý bằng lời hoặc trên giấy',
		en: 'A household agrees on its own phone; a collaborator records consent given aloud or on paper'
	},
	'consent.mode_required': {
		vi: 'Chọn cách hộ gia đình đồng ý: bằng lời hoặc ký giấy',
		en: 'Choose how the household agreed: aloud or on paper'
	},
	'consent.unknown_version': {
		vi: 'Phường chưa có phiên bản nội dung đồng ý này',
		en: 'The ward has no such version of the consent text'
	},
	'consent_text.too_short': {
		vi: 'Nội dung đồng ý quá ngắn: cần nói rõ thu thập gì, để làm gì và ai được xem',
		en: 'The consent text is too short: say what is collected, why, and who sees it'
	},
	'consent_text.ward_only': {
		vi: 'Nội dung đồng ý thuộc về một phường; tài khoản này không gắn với phường nào',
		en: 'A consent text belongs to a ward; this account has none'
	},
	'consent_text.wording_only': {
		vi: 'Chỉ gửi nội dung tiếng Việt và tiếng Anh; phường là phường của tài khoản',
		en: "Send the Vietnamese and English text only; the ward is the account's own"
	},
	'consent_text.staff_only': {
		vi: 'Chỉ trạm y tế phường sửa nội dung đồng ý của phường mình',
		en: "Only the ward health station edits its own ward's consent text"
	}
} as const;
