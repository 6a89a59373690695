import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce?: string
    /** Set by an action that refused a form, so the page rendered in the same request can say so in its title. */
    formRefused?: boolean
  }
}
