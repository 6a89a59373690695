// "You said, we did": what children told us most, and what was done about it, in plain words (or
// Easy Read when chosen), with symbols. Works without JavaScript; small numbers are never shown.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SymbolImage } from '~/components/symbol'
import { registerFor } from '~/domain/display'
import { getDisplay } from '~/services/display.server'
import { buildYouSaidWeDid } from '~/services/findings.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  // Open or closed: children come back after it closes to see what changed. Never a draft.
  if (consultation.status === 'draft') throw new Response('Not found', { status: 404 })
  const display = await getDisplay(request, consultation.slug, db)
  const page = await buildYouSaidWeDid(db, consultation, await getLocale(request), registerFor(display))
  const { t } = await getT(request)
  return { ...page, easyRead: display.easyRead, pageTitle: `${t('participant:youSaidWeDid.title')} – ${page.title}` }
}

export default function YouSaidWeDid() {
  const page = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('participant')
  const k = (key: string) => (page.easyRead ? `youSaidWeDid.easy.${key}` : `youSaidWeDid.${key}`)
  const date = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : i18n.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return (
    <div className="stack ysd">
      <h1>{t('youSaidWeDid.title')}</h1>
      <p className="lead">{t(k('intro'), { title: page.title })}</p>

      <section className="stack" aria-labelledby="you-said">
        <h2 id="you-said">{t('youSaidWeDid.youSaid')}</h2>
        {page.top.length === 0 ? (
          <p>{t(k('noFindings'))}</p>
        ) : (
          <ol className="ysd-said" data-testid="you-said">
            {page.top.map((theme) => (
              <li key={theme.key} data-theme={theme.key}>
                <strong>{theme.title}</strong>
                <br />
                {t(k('share'), { percent: Math.round(theme.percent) })}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="stack" aria-labelledby="we-did">
        <h2 id="we-did">{t('youSaidWeDid.weDid')}</h2>
        {page.actions.length === 0 ? (
          <p>{t(k('noActions'))}</p>
        ) : (
          <ul className="ysd-actions" data-testid="we-did">
            {page.actions.map((a) => (
              <li key={a.id} className={`ysd-action ysd-action--${a.status}`} data-action={a.id}>
                <SymbolImage symbol={a.symbol} place="notice" />
                <div className="ysd-action__body">
                  <p className="ysd-action__status">
                    <strong>{t(k(`status.${a.status}`))}</strong>
                  </p>
                  <p className="ysd-action__summary">{a.summary}</p>
                  {a.status === 'not_doing' && a.reason ? <p>{t(k('because'), { reason: a.reason })}</p> : null}
                  <p className="hint">
                    {t('youSaidWeDid.about', { themes: a.themes.join(', ') })} · {t('youSaidWeDid.decided', { date: date(a.decidedOn) })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="hint">{t(k('privacy'))}</p>
      <p>
        <Link to={`/c/${page.slug}`}>{t('youSaidWeDid.back')}</Link>
      </p>
    </div>
  )
}
