import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Links between a consultation's findings pages (themes, plan mapping, actions, findings, participation). */
export function FindingsNav({ slug, canManage }: { slug: string; canManage: boolean }) {
  const { t } = useTranslation('findings')
  const base = `/staff/consultations/${slug}`
  const links = [
    { to: `${base}/findings`, label: t('nav.findings') },
    { to: `${base}/participation`, label: t('nav.participation') },
    ...(canManage
      ? [
          { to: `${base}/themes`, label: t('nav.themes') },
          { to: `${base}/themes/map`, label: t('nav.map') },
          { to: `${base}/actions`, label: t('nav.actions') },
          { to: '/staff/plans', label: t('nav.plans') },
        ]
      : []),
    { to: `/c/${slug}/you-said-we-did`, label: t('nav.public') },
  ]
  return (
    <nav aria-label={t('nav.label')} className="findings-nav">
      <ul className="findings-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
