// The latest of the timestamps (UTC ISO text sorts by time). Rereduce receives earlier
// results, which are timestamps too, so both passes are the same.
export default function (keys, values) {
	var latest = null;
	for (var i = 0; i < values.length; i++) {
		if (values[i] !== null && (latest === null || values[i] > latest)) latest = values[i];
	}
	return latest;
}
