// Display settings for participant pages: symbol-supported mode and Easy Read.
import { redirect } from '@remix-run/node'
import { applyDisplayForm, type Display, registerFor, resolveDisplay } from '~/domain/display'
import type { Register } from '~/domain/content'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { findConsultationBySlug } from '~/models/consultation.server'
import { type DB, getDb } from '~/utils/db.server'
import { readDisplayChoice, serializeDisplayChoice } from '~/utils/display-cookie.server'
import { readForm } from '~/utils/form.server'

/**
 * The settings for this request: the participant's choice, and for what they have not chosen,
 * the consultation's default (when the page belongs to a consultation).
 */
export async function getDisplay(request: Request, consultationSlug?: string, db?: DB): Promise<Display> {
  const choice = await readDisplayChoice(request)
  let symbolsByDefault = false
  if (consultationSlug && choice.symbols === undefined) {
    const consultation = await findConsultationBySlug(db ?? getDb(), consultationSlug)
    symbolsByDefault = consultation?.symbol_mode_default === 1
  }
  return resolveDisplay(choice, { symbols: symbolsByDefault })
}

/** Which text register to show survey content in: Easy Read when chosen, else plain. */
export async function getRegister(request: Request): Promise<Register> {
  return registerFor(await getDisplay(request))
}

/** POST /display: one switch (symbols=on|off or easyRead=on|off), then back to the page. */
export async function updateDisplay(request: Request): Promise<Response> {
  const form = await readForm(request)
  const choice = applyDisplayForm(await readDisplayChoice(request), { symbols: form.get('symbols'), easyRead: form.get('easyRead') })
  return redirect(safeRedirectPath(form.get('redirectTo')), { headers: { 'Set-Cookie': await serializeDisplayChoice(choice) } })
}
