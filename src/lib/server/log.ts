// Structured logging: one JSON line per event on stdout, for whatever collects the process's
// output. Only ids, codes, counts and timings go in: never names, health data, document
// bodies, passwords or tokens.

export type LogLevel = 'info' | 'warn' | 'error';
export type LogValue = string | number | boolean | null | undefined | readonly string[];
export type LogFields = Record<string, LogValue>;

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => {
	process.stdout.write(line + '\n');
};

/** Tests capture the lines instead of printing them. */
export function setLogSink(next: LogSink): LogSink {
	const previous = sink;
	sink = next;
	return previous;
}

export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
	const line: Record<string, LogValue> = { time: new Date().toISOString(), level, event };
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined) line[key] = value;
	}
	sink(JSON.stringify(line));
}

/** A path segment that looks like a secret (a QR or session token) rather than a name. */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{20,}$/;

/** The path as it may be logged: token-like segments are replaced, the query is left out. */
export function loggablePath(pathname: string): string {
	return pathname
		.split('/')
		.map((segment) => (TOKEN_SEGMENT.test(segment) ? ':token' : segment))
		.join('/');
}

/** The names of the query parameters, never their values (a value can hold a document id list). */
export function queryNames(url: URL): string | undefined {
	const names = [...new Set(url.searchParams.keys())].sort();
	return names.length > 0 ? names.join(',') : undefined;
}
