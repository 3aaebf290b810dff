// The words of the collaborator's QR scanner and its manual token entry.

export const SCANNER_WORDS = {} as const satisfies Record<string, { vi: string; en: string }>;
