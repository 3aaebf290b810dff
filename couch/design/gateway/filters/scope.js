// The rows of a ward's `_changes` that a caller may see, so that only those cross the wire.
// Query parameters: `ward`; `type` (one record type, or all); `groups` (comma-separated group
// codes; absent for the whole ward); `household` (a resident's household: its own record and
// the records that name it; absent for all); `user` (whose device statuses; absent for all). The
// gateway checks every row again: this is a coarse pass, and must never be narrower than the
// gateway's own rule. A deletion that names no place passes: the gateway places it by the
// revision before it.
export default function (doc, req) {
	var query = req.query || {};
	var id = doc._id;
	var colon = id.indexOf(':');
	if (colon < 1) return false;
	var type = id.substring(0, colon);
	if (query.type !== undefined && query.type !== null && type !== String(query.type)) {
		return false;
	}
	var isDeviceStatus = type === 'device_status';
	var place = isDeviceStatus ? doc.user : doc.group;
	if (!doc.ward || !place) return doc._deleted === true;
	if (String(doc.ward) !== String(query.ward)) return false;
	if (isDeviceStatus) {
		return query.user === undefined || query.user === null || place === String(query.user);
	}
	if (query.household !== undefined && query.household !== null) {
		var household = type === 'household' ? id : doc.household;
		if (household !== String(query.household)) return false;
	}
	if (query.groups === undefined || query.groups === null) return true;
	return (',' + String(query.groups) + ',').indexOf(',' + place + ',') >= 0;
}
