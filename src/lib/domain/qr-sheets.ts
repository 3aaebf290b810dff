// What `GET /api/qr/sheets` answers: the ward (for its hotline and reminder cadence), the
// group, and one printable sheet per household. The server builds it and the page reads it
// with this one schema.

import { z } from 'zod';
import { SessionUserSchema } from './session';

export const QrSheetSchema = z.object({
	household: z.string(),
	house_number: z.string(),
	street: z.string(),
	head_name: z.string(),
	/** `<origin>/q/<token>`: all the QR code holds. */
	link: z.string(),
	check_code: z.string()
});
export type QrSheet = z.infer<typeof QrSheetSchema>;

export const QrSheetsAnswerSchema = z.object({
	ward: SessionUserSchema.shape.ward.unwrap(),
	group: z.object({ code: z.string(), name: z.string() }),
	sheets: z.array(QrSheetSchema)
});
export type QrSheetsAnswer = z.infer<typeof QrSheetsAnswerSchema>;
