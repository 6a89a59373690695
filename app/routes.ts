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
  // A question's recorded clip (uploaded by staff at /staff/consultations/:slug/questions/:questionId/audio).
  route('audio/:file', 'routes/audio.ts'),

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
  // Group sessions (issue 6, H5): join with the code the group leader shows; on a shared tablet (kiosk), "I'm finished"
  // and the reset after the tablet is left alone, both clearing everything of the last child.
  route('join', 'routes/participant/join.tsx'),
  route('join/finish', 'routes/participant/join.finish.ts'),
  route('join/reset', 'routes/participant/join.reset.ts'),

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
    // The question editor (H1): questions in order (move, remove with a confirm step, add any type), one question's
    // words, settings and options, its symbols, the texts in each language and Easy Read; the structure lock and new versions.
    route('consultations/:slug/questions', 'routes/staff/questions.tsx'),
    route('consultations/:slug/questions/new', 'routes/staff/questions.new.tsx'),
    route('consultations/:slug/questions/:questionId', 'routes/staff/questions.edit.tsx'),
    route('consultations/:slug/questions/:questionId/remove', 'routes/staff/questions.remove.tsx'),
    route('consultations/:slug/questions/:questionId/symbols', 'routes/staff/questions.symbols.tsx'),
    route('consultations/:slug/texts', 'routes/staff/texts.tsx'),
    route('consultations/:slug/texts/:locale/:register', 'routes/staff/texts.edit.tsx'),
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
    // Stories (issue 5, H3): the moderation queue, one story (hide words, approve, reject) and its picture; the original
    // words and picture for the safeguarding lead only; the quote bank (approved, with consent) and a quote's picture.
    route('stories', 'routes/staff/stories.tsx'),
    route('stories/:storyId', 'routes/staff/stories.view.tsx'),
    route('stories/:storyId/picture', 'routes/staff/stories.picture.ts'),
    route('stories/:storyId/original', 'routes/staff/stories.original.tsx'),
    route('stories/:storyId/original/picture', 'routes/staff/stories.original-picture.ts'),
    route('consultations/:slug/quotes', 'routes/staff/quotes.tsx'),
    route('consultations/:slug/quotes/:storyId/picture', 'routes/staff/quotes.picture.ts'),
    // The symbol library (issue 4): search OpenMoji and the organisation's uploads; upload new symbols.
    route('symbols', 'routes/staff/symbols.tsx'),
    // Coding into themes (issue 5, H4): the codebook, the coding workspace, double coding and agreement.
    route('consultations/:slug/codebook', 'routes/staff/codebook.tsx'),
    route('consultations/:slug/coding', 'routes/staff/coding.tsx'),
    route('consultations/:slug/coding/agreement', 'routes/staff/coding.agreement.tsx'),
    // Group activities and paper entry in a session (issue #6, H6): the session's group results, entering a diamond 9,
    // dot votes or a group ranking (with a photo), typing up paper forms, uploading a paper tally CSV.
    route('sessions/:sessionId/groups', 'routes/staff/groups.tsx'),
    route('sessions/:sessionId/groups/:kind', 'routes/staff/groups.entry.tsx'),
    route('sessions/:sessionId/groups/:groupId/photo', 'routes/staff/groups.photo.ts'),
    route('sessions/:sessionId/paper', 'routes/staff/paper.tsx'),
    route('sessions/:sessionId/tally', 'routes/staff/tally.tsx'),
    // Group sessions (issue 6, H5): list and start, one session (code, QR, close), the live board and its data.
    route('sessions', 'routes/staff/sessions.tsx'),
    route('sessions/:sessionId', 'routes/staff/sessions.view.tsx'),
    route('sessions/:sessionId/board', 'routes/staff/sessions.board.tsx'),
    route('sessions/:sessionId/board.json', 'routes/staff/sessions.board-json.ts'),
    // Preview, recorded audio per question, staff accounts (issue 4, H2). Preview saves nothing; audio is served at /audio/:file.
    route('consultations/:slug/preview', 'routes/staff/preview.tsx'),
    route('consultations/:slug/preview/q/:position', 'routes/staff/preview.question.tsx'),
    route('consultations/:slug/questions/:questionId/audio', 'routes/staff/question-audio.tsx'),
    route('users', 'routes/staff/users.tsx'),
    route('users/:userId', 'routes/staff/users.edit.tsx'),
  ]),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
