// CPU time used by a process, read from /proc (Linux): the load benchmark counts the cores the
// servers really used, not the wall clock of a machine that others share.

import { readFileSync } from 'node:fs';

/** Clock ticks a second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Seconds of CPU (user + system) the process has used so far; 0 once it is gone. */
export function cpuSecondsOf(pid: number | undefined): number {
	if (pid === undefined) return 0;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces; the fields after its ")" are fixed.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const userTicks = Number(fields[11]);
		const systemTicks = Number(fields[12]);
		return (userTicks + systemTicks) / TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

/** This process's own CPU seconds (the load generator). */
export function ownCpuSeconds(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1e6;
}

export function percentile(sorted: readonly number[], fraction: number): number {
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}
