// Remix plugin options. The Vite plugin does not read this file by itself:
// vite.config.ts imports it and passes it to remix(). See docs/decisions/001.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  // BUILD_DIR lets two checkouts' worth of work build side by side (default: build/).
  buildDirectory: process.env.BUILD_DIR ?? 'build',
  ignoredRouteFiles: ['**/*.test.*', '**/.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
}
