// What the app needs from a population registry that publishes its changes: for one ward,
// the households changed since a cursor, a page at a time, each as its whole current state
// (the fields of a JSON-lines household of an extract), with the cursor to ask from next.
// The cursor is the registry's own opaque text: never parsed, only stored and sent back.

export type ChangesPage = {
	/** Households as the registry holds them now (code, group, address, members). */
	results: Record<string, unknown>[];
	/** Where the next page starts; the same cursor again means nothing new. */
	next_cursor: string;
	/** More changes wait past `next_cursor`. */
	has_more: boolean;
};

export interface RegistryConnector {
	/** A name for logs and the dashboard ("http://registry.example/..."). */
	readonly name: string;
	/** The ward's changes after `since` (null: from the beginning), at most `limit`. */
	changes(ward: string, since: string | null, limit: number): Promise<ChangesPage>;
}

export class RegistryUnavailable extends Error {}
