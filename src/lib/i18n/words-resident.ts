// The words of the resident's screens: claiming a household by its QR code, the hotline.

export const RESIDENT_WORDS = {} as const satisfies Record<string, { vi: string; en: string }>;
