// Every URL of the app, in one place.
import { index, route, type RouteConfig } from '@remix-run/route-config'

export default [
  index('routes/home.tsx'),
  route('language', 'routes/language.ts'),
  route('healthz', 'routes/healthz.ts'),

  // Participants: one question per page, each a real form that works without JavaScript.
  route('c/:slug', 'routes/participant/start.tsx'),
  route('c/:slug/q/:position', 'routes/participant/question.tsx'),
  route('c/:slug/thanks', 'routes/participant/thanks.tsx'),

  // Staff (demo-only and unauthenticated until accounts land).
  route('staff/consultations/:slug/results', 'routes/staff/results.tsx'),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
