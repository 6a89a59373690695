// What the /receipt form sends: the code as typed, and what to do with it. Pure, shared by the page
// (field name, length) and the server (reading a submitted form).
import type { FormFields } from './answers'

export const RECEIPT_CODE_FIELD = 'code'
/** Room for a code typed with spaces; anything longer is cut off, not looked at. */
export const RECEIPT_CODE_MAX_LENGTH = 40

export const receiptIntents = ['show', 'confirm', 'withdraw'] as const
export type ReceiptIntent = (typeof receiptIntents)[number]

export interface ReceiptForm {
  /** As typed (cut to RECEIPT_CODE_MAX_LENGTH), or '' when nothing usable was sent. */
  typed: string
  /** "show" (see my answers) unless the form asked for the "are you sure?" step or the deletion. */
  intent: ReceiptIntent
}

export function readReceiptForm(form: FormFields): ReceiptForm {
  const code = form.get(RECEIPT_CODE_FIELD)
  const intent = form.get('intent')
  const typed = typeof code === 'string' ? code.slice(0, RECEIPT_CODE_MAX_LENGTH) : ''
  return {
    typed: typed.trim() ? typed : '',
    intent: (receiptIntents as readonly unknown[]).includes(intent) ? (intent as ReceiptIntent) : 'show',
  }
}
