// GET /symbols/licence.txt: the OpenMoji licence (CC BY-SA 4.0) as shipped in the package.
import { openmojiLicenceResponse } from '~/services/symbols.server'

export const loader = () => openmojiLicenceResponse()
