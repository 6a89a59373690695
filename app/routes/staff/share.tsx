// The join link and a printable QR code for a consultation (the code is an inline SVG with an accessible name).
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { joinUrl, qrSvg, requireConsultation, settingsValues } from '~/services/consultations.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const { title } = await settingsValues(db, consultation)
  const url = joinUrl(request, consultation.slug)
  return {
    pageTitle: t('builder:share.title', { title: title || consultation.slug }),
    title: title || consultation.slug,
    slug: consultation.slug,
    open: consultation.status === 'open',
    url,
    svg: await qrSvg(url, t('builder:share.qrName', { url })),
  }
}

export default function SharePage() {
  const { pageTitle, title, slug, open, url, svg } = useLoaderData<typeof loader>()
  const { t } = useTranslation('builder')
  return (
    <div className="stack share">
      <h1 className="share__screen-only">{pageTitle}</h1>
      <p className="share__print-only share__print-title">{title}</p>
      {open ? null : (
        <p className="banner" role="status">
          {t('share.notOpen')}
        </p>
      )}
      <p className="share__screen-only">{t('share.intro')}</p>
      <section className="stack" aria-labelledby="share-link">
        <h2 id="share-link" className="share__screen-only">
          {t('share.link')}
        </h2>
        <p className="share__url" dir="ltr">
          <a href={url}>{url}</a>
        </p>
      </section>
      <section className="stack" aria-labelledby="share-qr">
        <h2 id="share-qr" className="share__screen-only">
          {t('share.qrTitle')}
        </h2>
        {/* Made on the server by the qrcode package from the link above; the only text in it is the escaped name. */}
        <div className="share__qr" data-testid="qr" dangerouslySetInnerHTML={{ __html: svg }} />
        <p className="share__screen-only">{t('share.print')}</p>
        <p className="share__screen-only">
          <a href={`/staff/consultations/${slug}/qr.svg`} download>
            {t('share.download')}
          </a>
        </p>
      </section>
    </div>
  )
}
