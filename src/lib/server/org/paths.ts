// A unit's path is the codes from the root down to and including itself: the one place the
// tree is written out, so supervisors' roll-ups and range queries never walk parent links.
// Computed from parent links alone, so any re-parenting recomputes every path below it.

export type ParentLinks = ReadonlyMap<string, string | null>;

export type Paths = {
	paths: Map<string, string[]>;
	/** Units on a loop of parent links (a unit under itself, however far down). */
	cycles: Set<string>;
	/** Units whose chain of parents reaches a code that is not in the tree, or a loop. */
	orphans: Set<string>;
};

export function computePaths(parents: ParentLinks): Paths {
	const paths = new Map<string, string[]>();
	const cycles = new Set<string>();
	const orphans = new Set<string>();
	for (const start of parents.keys()) {
		if (paths.has(start) || cycles.has(start) || orphans.has(start)) continue;
		const chain: string[] = [];
		const onChain = new Set<string>();
		let code: string | null = start;
		let base: string[] = [];
		let isBroken = false;
		while (code !== null) {
			const known = paths.get(code);
			if (known) {
				base = known;
				break;
			}
			if (onChain.has(code)) {
				// The loop itself is from `code` on; what leads into it is merely cut off.
				for (const member of chain.slice(chain.indexOf(code))) cycles.add(member);
				isBroken = true;
				break;
			}
			if (cycles.has(code) || orphans.has(code) || !parents.has(code)) {
				isBroken = true;
				break;
			}
			chain.push(code);
			onChain.add(code);
			code = parents.get(code) ?? null;
		}
		if (isBroken) {
			for (const member of chain) if (!cycles.has(member)) orphans.add(member);
			continue;
		}
		// The chain runs from `start` up; paths are written from the root down.
		for (let index = chain.length - 1; index >= 0; index--) {
			base = [...base, chain[index]];
			paths.set(chain[index], base);
		}
	}
	return { paths, cycles, orphans };
}

/** Whether putting `code` under `parent` would put it under itself. */
export function wouldCycle(parents: ParentLinks, code: string, parent: string): boolean {
	const seen = new Set<string>();
	let current: string | null = parent;
	while (current !== null && !seen.has(current)) {
		if (current === code) return true;
		seen.add(current);
		current = parents.get(current) ?? null;
	}
	return false;
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((code, index) => code === b[index]);
}
