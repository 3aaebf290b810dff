// A device whose clock is wrong: `Date` in this process runs `offsetMs` off from the real
// time until the returned function puts it back. The app server runs in its own process, so
// its clock stays right. Timers and `performance.now()` are left alone.

export function shiftDeviceClock(offsetMs: number): () => void {
	const RealDate = globalThis.Date;
	const shifted = () => RealDate.now() + offsetMs;
	globalThis.Date = new Proxy(RealDate, {
		construct(target, args: unknown[]) {
			return args.length === 0 ? new target(shifted()) : (Reflect.construct(target, args) as Date);
		},
		apply(target) {
			return new target(shifted()).toString();
		},
		get(target, property, receiver) {
			if (property === 'now') return shifted;
			return Reflect.get(target, property, receiver) as unknown;
		}
	});
	return () => {
		globalThis.Date = RealDate;
	};
}
