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
  // See or take back your answers with the receipt code (the code is only ever POSTed, never in a URL).
  route('receipt', 'routes/participant/receipt.tsx'),

  // Staff (demo-only and unauthenticated until accounts land).
  route('staff/consultations/:slug/results', 'routes/staff/results.tsx'),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
