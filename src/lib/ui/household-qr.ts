// A household's QR code as ward staff see and change it: the `/api/qr/household` endpoint,
// read into one typed state. It needs the network; the screen says so when there is none.

export type HouseholdQrState =
	| { state: 'none'; phones: number }
	| {
			state: 'active' | 'revoked';
			phones: number;
			issued_at?: string;
			link?: string;
			check_code?: string;
	  };

export type HouseholdQrAnswer =
	| { ok: true; qr: HouseholdQrState }
	| { ok: false; offline: true }
	| { ok: false; offline: false; reason: string };

export const HOUSEHOLD_QR_ENDPOINT = '/api/qr/household';
const TIMEOUT_MS = 15_000;

function isState(value: unknown): value is HouseholdQrState {
	const state = (value as { state?: unknown } | null)?.state;
	return state === 'none' || state === 'active' || state === 'revoked';
}

async function read(request: () => Promise<Response>): Promise<HouseholdQrAnswer> {
	let response: Response;
	try {
		response = await request();
	} catch {
		return { ok: false, offline: true };
	}
	let body: unknown = null;
	try {
		body = await response.json();
	} catch {
		// an answer with no JSON is reported by its status below
	}
	if (response.ok && isState(body)) return { ok: true, qr: body };
	const reason = (body as { reason?: unknown } | null)?.reason;
	return {
		ok: false,
		offline: false,
		reason: typeof reason === 'string' ? reason : `HTTP ${response.status}`
	};
}

export function loadHouseholdQr(household: string, fetcher: typeof fetch = fetch) {
	return read(() =>
		fetcher(`${HOUSEHOLD_QR_ENDPOINT}?${new URLSearchParams({ household })}`, {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		})
	);
}

export function changeHouseholdQr(
	household: string,
	action: 'issue' | 'revoke',
	fetcher: typeof fetch = fetch
) {
	return read(() =>
		fetcher(HOUSEHOLD_QR_ENDPOINT, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ household, action }),
			signal: AbortSignal.timeout(TIMEOUT_MS)
		})
	);
}
