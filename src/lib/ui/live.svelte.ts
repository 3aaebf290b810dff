// Turns an RxDB query (an Observable) into reactive state for a component: subscribed while
// the component lives, resubscribed when what the query depends on changes.

import type { Observable } from 'rxjs';

export type Live<T> = { readonly current: T | undefined; readonly error: unknown };

/** Call during component set-up; `source` returns null while its inputs are not ready. */
export function live<T>(source: () => Observable<T> | null | undefined): Live<T> {
	let current = $state.raw<T | undefined>(undefined);
	let error = $state.raw<unknown>(undefined);
	$effect(() => {
		const observable = source();
		current = undefined;
		error = undefined;
		if (!observable) return;
		const subscription = observable.subscribe({
			next: (value) => (current = value),
			error: (failure: unknown) => (error = failure)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		}
	};
}
