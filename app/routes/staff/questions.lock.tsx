// The structure lock's notice on the question pages (not a route: no URL).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function LockNotice({ locked, slug, error }: { locked: boolean; slug: string; error?: string }) {
  const { t } = useTranslation('editor')
  if (!locked && !error) return null
  return (
    <div className={`panel lock-panel stack${error ? ' lock-panel--error' : ''}`} id="lock" tabIndex={-1} data-testid="lock-notice">
      {error ? <p className="field-error">{error}</p> : null}
      <p>{t('lock.explain')}</p>
      <p>
        <Link to={`/staff/consultations/${slug}/questions#new-version`}>{t('lock.newVersionLink')}</Link>
      </p>
    </div>
  )
}
