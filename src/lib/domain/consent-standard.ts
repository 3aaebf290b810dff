// The text every ward starts with, as version 0. Its own module, left out of the domain's
// index: only the declaration form and the server need it, and its words would otherwise
// weigh on the first screen.

import type { ConsentText, ConsentWording } from './consent';

/** What is collected, why, who sees it, and the household's rights. */
export const STANDARD_CONSENT_WORDING: ConsentWording = {
	vi:
		'Hộ gia đình đồng ý để trạm y tế phường thu thập thông tin sức khỏe cơ bản của các thành viên ' +
		'(chiều cao, cân nặng, huyết áp, mạch, nhóm máu, bệnh mạn tính, thói quen, dị ứng, tiêm chủng) ' +
		'để lập hồ sơ sức khỏe điện tử và chăm sóc sức khỏe ban đầu. ' +
		'Người được xem: cộng tác viên của tổ dân phố, trạm y tế phường, và cán bộ y tế quận, thành phố theo dõi công việc này. ' +
		'Dữ liệu không dùng cho mục đích khác và không chia sẻ ra ngoài ngành y tế. ' +
		'Hộ gia đình có quyền xem, tải về và yêu cầu xóa dữ liệu của hộ bất cứ lúc nào.',
	en:
		"The household agrees that the ward health station collects its members' basic health data " +
		'(height, weight, blood pressure, pulse, blood group, chronic conditions, habits, allergies, vaccinations) ' +
		'to keep an electronic health record and provide primary care. ' +
		"Who sees it: the neighbourhood group's collaborator, the ward health station, and the district and city health staff who oversee this work. " +
		'The data is used for nothing else and not shared outside the health service. ' +
		'The household may see, download and ask to erase its data at any time.'
};

export function standardConsentText(ward: string): ConsentText {
	return {
		type: 'consent_text',
		ward,
		version: 0,
		...STANDARD_CONSENT_WORDING,
		created_at: '2026-01-01T00:00:00.000+07:00',
		created_by: 'system'
	};
}
