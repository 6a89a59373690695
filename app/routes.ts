// Every URL of the app, in one place.
import { index, route, type RouteConfig } from '@remix-run/route-config'

export default [
  index('routes/home.tsx'),
  route('language', 'routes/language.ts'),
  route('healthz', 'routes/healthz.ts'),
  route('display', 'routes/display.ts'),

  // Symbols: images made from OpenMoji and organisations' uploads, and their credits.
  route('symbols/openmoji/:file', 'routes/symbols.openmoji.ts'),
  route('symbols/upload/:file', 'routes/symbols.upload.ts'),
  route('symbols/credits', 'routes/symbols.credits.tsx'),
  route('symbols/licence.txt', 'routes/symbols.licence.ts'),

  // Participants: one question per page, each a real form that works without JavaScript.
  route('c/:slug', 'routes/participant/start.tsx'),
  route('c/:slug/q/:position', 'routes/participant/question.tsx'),
  route('c/:slug/thanks', 'routes/participant/thanks.tsx'),
  // Straight after a free-text answer that matched the safeguarding lists: kind words, Childline, carry on.
  route('c/:slug/support', 'routes/participant/support.tsx'),
  // You said, we did: top findings and the actions taken (linked from the thank-you and receipt pages).
  route('c/:slug/you-said-we-did', 'routes/participant/you-said-we-did.tsx'),
  // See or take back your answers with the receipt code (the code is only ever POSTed, never in a URL).
  route('receipt', 'routes/participant/receipt.tsx'),

  // Staff: every page sits in the staff layout (who is signed in, sign-out) and declares the permission
  // it needs in `export const access` (app/domain/permissions.ts); tests/integration/staff-route-matrix.test.ts
  // checks every route here against that, as every role.
  route('staff', 'routes/staff/layout.tsx', [
    index('routes/staff/home.tsx'),
    route('sign-in', 'routes/staff/sign-in.tsx'),
    route('sign-out', 'routes/staff/sign-out.tsx'),
    route('account/password', 'routes/staff/account-password.tsx'),
    route('audit', 'routes/staff/audit.tsx'),
    // The consultation builder (H7): list, create, import a survey file, settings (edit, open/close, duplicate),
    // the survey file download, and the join link with its QR code.
    route('consultations', 'routes/staff/consultations.tsx'),
    route('consultations/new', 'routes/staff/consultations.new.tsx'),
    route('consultations/new-from-file', 'routes/staff/consultations.import.tsx'),
    route('consultations/:slug/settings', 'routes/staff/consultations.settings.tsx'),
    route('consultations/:slug/definition.json', 'routes/staff/definition.json.ts'),
    route('consultations/:slug/share', 'routes/staff/share.tsx'),
    route('consultations/:slug/qr.svg', 'routes/staff/qr.svg.ts'),
    route('consultations/:slug/results', 'routes/staff/results.tsx'),
    // Exports and imports (H5): a page listing the downloads, each download its own resource route
    // (raw data needs responses:raw and is audited; summaries need results:export), the printable report, imports.
    route('consultations/:slug/exports', 'routes/staff/exports.tsx'),
    ...(['tidy-csv', 'wide-csv', 'json', 'xlsx'] as const).map((kind) => route(`consultations/:slug/export/${kind}`, 'routes/staff/export-raw.ts', { id: `staff-export-${kind}` })),
    ...(['summary-csv', 'summary-xlsx'] as const).map((kind) => route(`consultations/:slug/export/${kind}`, 'routes/staff/export-summary.ts', { id: `staff-export-${kind}` })),
    route('consultations/:slug/report', 'routes/staff/report.tsx'),
    route('consultations/:slug/imports', 'routes/staff/imports.tsx'),
    // Themes and the plan, findings, "you said, we did" actions, the participation record (issue 7).
    route('plans', 'routes/staff/plans.tsx'),
    route('plans/:planId', 'routes/staff/plans.view.tsx'),
    route('consultations/:slug/themes', 'routes/staff/themes.tsx'),
    route('consultations/:slug/themes/map', 'routes/staff/themes.map.tsx'),
    route('consultations/:slug/actions', 'routes/staff/actions.tsx'),
    route('consultations/:slug/actions/:actionId', 'routes/staff/actions.edit.tsx'),
    route('consultations/:slug/findings', 'routes/staff/findings.tsx'),
    route('consultations/:slug/participation', 'routes/staff/participation.tsx'),
    // Safeguarding (issue 5): the flag queue, one flag, the word lists. The safeguarding role only; every view audited.
    route('safeguarding', 'routes/staff/safeguarding.tsx'),
    route('safeguarding/phrases', 'routes/staff/safeguarding.phrases.tsx'),
    route('safeguarding/:flagId', 'routes/staff/safeguarding.flag.tsx'),
    // The symbol library (issue 4): search OpenMoji and the organisation's uploads; upload new symbols.
    route('symbols', 'routes/staff/symbols.tsx'),
  ]),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
