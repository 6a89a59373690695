import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Links between a consultation's coding pages: the codebook, the workspace, agreement between coders. */
export function CodingNav({ slug }: { slug: string }) {
  const { t } = useTranslation('coding')
  const base = `/staff/consultations/${slug}`
  const links = [
    { to: `${base}/coding`, label: t('nav.workspace') },
    { to: `${base}/codebook`, label: t('nav.codebook') },
    { to: `${base}/coding/agreement`, label: t('nav.agreement') },
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
