// /symbols/credits: where the symbols come from and under which licences (CC BY-SA asks for this).
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadSymbolCredits } from '~/services/symbols.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getT(request)
  return { title: t('display:credits.title'), ...(await loadSymbolCredits(getDb())) }
}

export default function SymbolCredits() {
  const { openmojiVersion, uploads } = useLoaderData<typeof loader>()
  const { t } = useTranslation('display')
  return (
    <div className="stack credits">
      <h1>{t('credits.title')}</h1>
      <p className="lead">{t('credits.intro')}</p>
      <section className="stack" aria-labelledby="openmoji-title">
        <h2 id="openmoji-title">{t('credits.openmojiTitle')}</h2>
        <p>{t('credits.openmojiMadeBy', { version: openmojiVersion })}</p>
        <p>{t('credits.openmojiLicence')}</p>
        <p>{t('credits.openmojiChanges')}</p>
        <ul className="credits__links">
          <li>
            <a href="/symbols/licence.txt" type="text/plain">
              {t('credits.licenceText')}
            </a>
          </li>
          <li>
            <a href="https://creativecommons.org/licenses/by-sa/4.0/" hrefLang="en">
              {t('credits.licenceOnline')}
            </a>
          </li>
          <li>
            <a href="https://openmoji.org/" hrefLang="en">
              {t('credits.openmojiSite')}
            </a>
          </li>
        </ul>
      </section>
      {uploads.length ? (
        <section className="stack" aria-labelledby="uploads-title">
          <h2 id="uploads-title">{t('credits.uploadsTitle')}</h2>
          <p>{t('credits.uploadsIntro')}</p>
          <ul>
            {uploads.map((u) => (
              <li key={`${u.licence}|${u.attribution ?? ''}`}>
                {u.attribution ? `${u.attribution} – ` : ''}
                {u.licence} ({t('credits.symbolCount', { count: u.symbols })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>{t('credits.emoji')}</p>
    </div>
  )
}
