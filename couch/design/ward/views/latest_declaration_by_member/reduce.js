// The latest of the declarations by their UTC time (ISO text sorts by time). Rereduce
// receives earlier results, which have the same shape, so both passes are the same.
export default function (keys, values) {
	var latest = null;
	for (var i = 0; i < values.length; i++) {
		if (values[i] !== null && (latest === null || values[i][0] > latest[0])) latest = values[i];
	}
	return latest;
}
