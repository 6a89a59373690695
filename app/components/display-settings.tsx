import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Display, DisplaySetting } from '~/domain/display'

/**
 * The participant's display switches: symbols (symbol-supported layout) and Easy Read. Each is a
 * submit button of a real POST form (works without JavaScript) and a toggle button for screen
 * readers (aria-pressed). The choice is kept in a cookie; the page comes back to where it was.
 */
export function DisplaySettings({ display }: { display: Display }) {
  const { t } = useTranslation('display')
  const location = useLocation()
  const on = t('settings.on')
  const off = t('settings.off')
  return (
    <Form method="post" action="/display" className="display-settings" aria-label={t('settings.label')}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <Switch name="symbols" on={display.symbols} label={t('settings.symbols')} stateWords={[on, off]} />
      <Switch name="easyRead" on={display.easyRead} label={t('settings.easyRead')} stateWords={[on, off]} />
    </Form>
  )
}

function Switch({ name, on, label, stateWords }: { name: DisplaySetting; on: boolean; label: string; stateWords: [string, string] }) {
  return (
    <button type="submit" name={name} value={on ? 'off' : 'on'} aria-pressed={on} className={`display-switch${on ? ' display-switch--on' : ''}`}>
      <span className="display-switch__label">{label}</span>
      {/* Screen readers hear the state from aria-pressed; the word is for everyone else. */}
      <span className="display-switch__state" aria-hidden="true">
        {on ? stateWords[0] : stateWords[1]}
      </span>
    </button>
  )
}
