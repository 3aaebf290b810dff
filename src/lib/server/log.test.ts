import { afterEach, describe, expect, it } from 'vitest';
import { loggablePath, logEvent, queryNames, setLogSink, type LogSink } from './log';

let previous: LogSink | undefined;
afterEach(() => {
	if (previous) setLogSink(previous);
});

describe('logEvent', () => {
	it('writes one JSON line with time, level and event, leaving out undefined fields', () => {
		const lines: string[] = [];
		previous = setLogSink((line) => lines.push(line));
		logEvent('info', 'request', { method: 'GET', user: undefined, status: 200 });
		expect(lines).toHaveLength(1);
		const entry = JSON.parse(lines[0]) as Record<string, unknown>;
		expect(entry).toMatchObject({ level: 'info', event: 'request', method: 'GET', status: 200 });
		expect(Date.parse(entry.time as string)).not.toBeNaN();
		expect('user' in entry).toBe(false);
	});
});

describe('loggablePath', () => {
	it('replaces token-like segments and keeps record ids and names of endpoints', () => {
		expect(loggablePath('/q/3kT9xQmZ0aB1cD2eF3gH4iJ5kL6mN7o')).toBe('/q/:token');
		expect(loggablePath('/db/ward_26956/household%3A0f8c1c7e-1b2a-4c3d-9e8f-001122334455')).toBe(
			'/db/ward_26956/household%3A0f8c1c7e-1b2a-4c3d-9e8f-001122334455'
		);
		expect(loggablePath('/db/ward_26956/_changes')).toBe('/db/ward_26956/_changes');
	});
});

describe('queryNames', () => {
	it('names the parameters without their values', () => {
		const url = new URL('http://x/db/w/_changes?since=12&doc_ids=%5B%22a%22%5D&limit=5&since=3');
		expect(queryNames(url)).toBe('doc_ids,limit,since');
		expect(queryNames(new URL('http://x/'))).toBeUndefined();
	});
});
