// The memory and CPU time of the benchmark's own server processes (the app server, PouchDB
// Server), read from /proc: they are found among this process's children by their command
// line, and their resident size is polled while a sync runs, as the kernel's high-water mark
// alone would also count what PouchDB Server held while the ward was seeded. CPU seconds say
// what a pull cost a server whatever else the machine was running meanwhile.

import { readFileSync, readdirSync } from 'node:fs';

const SAMPLE_MS = 100;

/** The pid of this process's child whose command line holds `marker`. */
export function childPid(marker: string): number {
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name is in parentheses and may hold spaces: fields count after it.
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (parent !== process.pid) continue;
			const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
			if (command.includes(marker)) return Number(entry);
		} catch {
			// gone meanwhile
		}
	}
	throw new Error(`no child process of ${process.pid} runs ${marker}`);
}

/** One field of /proc/PID/status, in bytes (`VmRSS`, `VmHWM`). */
export function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(match[1]) * 1024;
}

/** Linux counts CPU time in ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** User and system CPU seconds the process has used since it started. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// After the parenthesised name: state is field 3, utime 14 and stime 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export type RssSampler = { stop(): { peakBytes: number; samples: number } };

/** Polls the resident size of `pid` until stopped; the largest seen is its peak meanwhile. */
export function sampleRss(pid: number): RssSampler {
	let peakBytes = statusBytes(pid, 'VmRSS');
	let samples = 1;
	const timer = setInterval(() => {
		try {
			peakBytes = Math.max(peakBytes, statusBytes(pid, 'VmRSS'));
			samples += 1;
		} catch {
			// the process ended: the peak so far stands
		}
	}, SAMPLE_MS);
	return {
		stop() {
			clearInterval(timer);
			peakBytes = Math.max(peakBytes, statusBytes(pid, 'VmRSS'));
			return { peakBytes, samples: samples + 1 };
		}
	};
}

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
