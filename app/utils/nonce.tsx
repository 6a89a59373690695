import { createContext, useContext } from 'react'

// The CSP nonce for this response. Browsers hide it after load, so on the client it is ''.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
