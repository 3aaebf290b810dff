// A seeded random source, so the demo data comes out the same on every run: ids derive from
// a name, and every choice about one household comes from that household's own stream, so
// a smaller demo is the first part of the larger one and a rerun finds every id it wrote.

import { createHash } from 'node:crypto';

const DEMO_NAMESPACE = 'hssk-demo-v1';

function digest(name: string): Buffer {
	return createHash('sha256').update(`${DEMO_NAMESPACE}:${name}`).digest();
}

/** A uuid-shaped id (version 4 layout) that is always the same for the same name. */
export function stableUuid(name: string): string {
	const bytes = digest(name).subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** sfc32: small, fast, and with 128 bits of state, so streams of different names never meet. */
export class Random {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(name: string) {
		const seed = digest(name);
		this.#a = seed.readUInt32LE(0);
		this.#b = seed.readUInt32LE(4);
		this.#c = seed.readUInt32LE(8);
		this.#d = seed.readUInt32LE(12);
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A number in [0, 1). */
	next(): number {
		const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
		this.#d = (this.#d + 1) | 0;
		this.#a = this.#b ^ (this.#b >>> 9);
		this.#b = (this.#c + (this.#c << 3)) | 0;
		this.#c = (this.#c << 21) | (this.#c >>> 11);
		this.#c = (this.#c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** One item, with the probability of its weight among all weights. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [item, weight] of items) {
			roll -= weight;
			if (roll < 0) return item;
		}
		return items[items.length - 1][0];
	}

	/** Roughly normal (sum of uniforms), clamped: for heights, weights, pressures. */
	normal(mean: number, deviation: number, min: number, max: number): number {
		const sum = this.next() + this.next() + this.next() + this.next() - 2;
		const value = mean + sum * deviation * Math.sqrt(3);
		return Math.min(max, Math.max(min, value));
	}

	digits(count: number): string {
		let text = '';
		for (let i = 0; i < count; i++) text += String(this.int(0, 9));
		return text;
	}
}
