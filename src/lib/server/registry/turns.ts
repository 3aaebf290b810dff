// Reading and planning a ward's extract is a few seconds of work on 25,000 people: done in
// one go it would hold the app server's event loop (every other request, and CouchDB's idle
// connections, would wait on it). The work stops every so often to let the loop turn.

/** Items processed between two turns of the event loop. */
export const ITEMS_PER_TURN = 500;

export function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** Lets the loop turn after every ITEMS_PER_TURN items. */
export async function turnEvery(index: number, items = ITEMS_PER_TURN): Promise<void> {
	if (index > 0 && index % items === 0) await nextTurn();
}
