// "Version 2, made from …; a newer version is …" for the questions and settings pages (not a route: no URL).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export interface VersionInfo {
  version: number
  previous: { slug: string; version: number } | null
  next: Array<{ slug: string; version: number }>
}

export function VersionLine({ version }: { version: VersionInfo }) {
  const { t } = useTranslation('editor')
  return (
    <div className="stack version-line" data-testid="version-line">
      <p>
        {t('version.number', { version: version.version })}
        {version.previous ? (
          <>
            {' '}
            <Link to={`/staff/consultations/${version.previous.slug}/questions`}>{t('version.previous', { version: version.previous.version, slug: version.previous.slug })}</Link>
          </>
        ) : null}
      </p>
      {version.next.map((n) => (
        <p key={n.slug}>
          <Link to={`/staff/consultations/${n.slug}/questions`}>{t('version.next', { version: n.version, slug: n.slug })}</Link>
        </p>
      ))}
    </div>
  )
}
