// The preview's start page: what a participant sees first (title, description, the notice), with
// the preview banner and switches. Its Start is a link to question 1: nothing is posted or saved.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PreviewFrame } from '~/components/preview-frame'
import { StartNotice } from '~/components/start-notice'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { loadPreviewStart } from '~/services/preview.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  return loadPreviewStart(request, params.slug)
}

export default function PreviewStart() {
  const page = useLoaderData<typeof loader>()
  const { t } = useTranslation('staffadmin')
  const notice = page.ended ? (
    <div className="panel panel--success" role="status" data-testid="preview-ended">
      <h2>{t('preview.endTitle')}</h2>
      <p>{t('preview.end')}</p>
    </div>
  ) : page.firstHref ? null : (
    <p className="panel">{t('preview.noQuestions')}</p>
  )
  return (
    <PreviewFrame path={page.path} view={page.view} resources={page.resources} editorHref={page.editorHref} settingsHref={page.settingsHref} status={page.status} notice={notice}>
      <StartPage page={page} />
    </PreviewFrame>
  )
}

/** Inside the preview area: strings in the previewed language. */
function StartPage({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { t } = useTranslation('participant')
  return (
    <>
      <h1 lang={page.titleLang}>{page.title}</h1>
      {page.description ? (
        <p className="lead" lang={page.descriptionLang}>
          {page.description}
        </p>
      ) : null}
      <StartNotice easyRead={page.view.easyRead} identified={page.identified} questionCount={page.questionCount} />
      {page.firstHref ? (
        <p>
          <Link to={page.firstHref} className="button button--primary">
            {t('start.start')}
          </Link>
        </p>
      ) : null}
    </>
  )
}
