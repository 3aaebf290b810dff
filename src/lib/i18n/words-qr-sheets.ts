// The words of the instruction sheets ward staff print, one per household.

export const QR_SHEET_WORDS = {} as const satisfies Record<string, { vi: string; en: string }>;
