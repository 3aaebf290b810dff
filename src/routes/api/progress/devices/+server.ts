// The collaborators of a unit with their devices' last reports, flagged when a device has
// not reported for `hours` (24 by default) or still has records waiting to be sent.

import { json, type RequestHandler } from '@sveltejs/kit';
import { RESIDENT_USERNAME, type DeviceReport } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';
import { homeUnitOf, watchesUnit } from '$lib/server/progress/access';
import { collaboratorsOf } from '$lib/server/progress/collaborators';
import { wardDevices } from '$lib/server/progress/devices';
import { orgTree } from '$lib/server/progress/org-tree';
import { mapLimited } from '$lib/server/gateway/placement';

const DEFAULT_STALE_HOURS = 24;
const MAX_STALE_HOURS = 24 * 90;

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'progress.failed', async (user, caller) => {
		const code = event.url.searchParams.get('unit') ?? homeUnitOf(user);
		const hours = Number(event.url.searchParams.get('hours') ?? DEFAULT_STALE_HOURS);
		if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_STALE_HOURS) {
			return refusal(400, 'gateway.bad_request');
		}
		if (!code) return refusal(403, 'progress.forbidden');
		const client = couch();
		const tree = await orgTree(client);
		const unit = tree.unit(code);
		if (!unit) return refusal(404, 'gateway.not_found');
		if (!watchesUnit(user, unit)) return refusal(403, 'progress.forbidden');
		const wards =
			unit.level === 'group' && unit.parent
				? [unit.parent]
				: tree.wardsUnder(code).map((ward) => ward.code);
		const groups = new Set(
			unit.level === 'group'
				? [code]
				: wards.flatMap((ward) => tree.children(ward).map((group) => group.code))
		);
		const [reports, collaborators] = await Promise.all([
			mapLimited(wards, 4, (ward) => wardDevices(client, ward)),
			collaboratorsOf(client, groups)
		]);
		const devicesOf = new Map<string, DeviceReport[]>();
		for (const report of reports.flat()) {
			devicesOf.set(report.user, [...(devicesOf.get(report.user) ?? []), report]);
		}
		const staleBefore = Date.now() - hours * 60 * 60 * 1000;
		const isStale = (device: DeviceReport) =>
			!device.reported_at || Date.parse(device.reported_at) < staleBefore;
		const flagged = (device: DeviceReport) => ({
			...device,
			is_stale: isStale(device),
			has_waiting: device.waiting > 0
		});
		const listed = new Set(collaborators.map((collaborator) => collaborator.username));
		audit(caller, {
			unit: unit.level === 'group' && unit.parent ? unit.parent : unit.code,
			action: 'list.devices',
			target: unit.code,
			count: collaborators.length
		});
		// Phones of people with no collaborator account here (a leader whose account moved, ward
		// staff); households' own phones are many and are not a collaborator's round.
		const others = [...devicesOf.entries()]
			.filter(([username]) => !listed.has(username) && !RESIDENT_USERNAME.test(username))
			.flatMap(([, devices]) => devices.map(flagged));
		return json({
			unit: { code: unit.code, name: unit.name, level: unit.level },
			stale_hours: hours,
			collaborators: collaborators.map((collaborator) => {
				const devices = (devicesOf.get(collaborator.username) ?? []).map(flagged);
				return {
					...collaborator,
					devices,
					needs_attention:
						devices.length === 0 || devices.some((device) => device.is_stale || device.has_waiting)
				};
			}),
			other_devices: others
		});
	});
