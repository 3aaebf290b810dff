// One progress cache for the process.

import { couch } from '../config';
import { WardProgressCache } from './ward-cache';

let cache: WardProgressCache | undefined;

export function wardProgressCache(): WardProgressCache {
	cache ??= new WardProgressCache(couch());
	return cache;
}
