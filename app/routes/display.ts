// POST /display: the participant's symbol and Easy Read switches (a cookie; never a GET change).
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { updateDisplay } from '~/services/display.server'

export const loader = () => redirect('/')
export const action = ({ request }: ActionFunctionArgs) => updateDisplay(request)
