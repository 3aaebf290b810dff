// The sync state the collaborators' phones of groups 3 onward last reported, so the
// supervisor screens have something to show: most in step, a few behind or failing.
// The demo accounts' own devices report for themselves once used.

import { deviceStatusId, type DeviceStatus } from '../../src/lib/domain/device-status';
import { collaboratorOf, DEMO_GROUP_CODES, DEMO_WARD_CODE } from './demo';
import { deviceOf } from './authoring';
import { Random } from './random';

const HOUR_MS = 60 * 60 * 1000;
const APP_VERSION = '0.1.0';

export function demoDeviceStatuses(now: Date): DeviceStatus[] {
	return DEMO_GROUP_CODES.slice(2).map((group) => {
		const random = new Random(`device-status/${group}`);
		const user = collaboratorOf(group);
		const device = deviceOf(user);
		const isBehind = random.chance(0.25);
		const hoursAgo = isBehind ? random.int(3 * 24, 14 * 24) : random.int(1, 20);
		const lastSync = new Date(now.getTime() - hoursAgo * HOUR_MS).toISOString();
		const failing = isBehind && random.chance(0.5);
		return {
			id: deviceStatusId(device, user),
			type: 'device_status',
			ward: DEMO_WARD_CODE,
			device_id: device,
			user,
			app_version: APP_VERSION,
			last_push_at: lastSync,
			last_pull_at: lastSync,
			waiting: isBehind ? random.int(3, 40) : 0,
			...(failing ? { last_error: 'Không có kết nối mạng / No network connection' } : {}),
			updated_at: lastSync,
			stamp: { by: user, at: lastSync, device_id: device }
		};
	});
}
