import { useTranslation } from 'react-i18next'
import { EasyReadNotice } from './easy-read-notice'

/** The start page's notice (anonymous, skip, who sees, safety, saved, withdraw): plain or Easy Read. Used by the start page and the staff preview. */
export function StartNotice({ easyRead, identified, questionCount }: { easyRead: boolean; identified: boolean; questionCount: number }) {
  const { t } = useTranslation('participant')
  if (easyRead) return <EasyReadNotice identified={identified} questionCount={questionCount} />
  return (
    <section className="notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('notice.title')}</h2>
      <ul className="notice__list">
        <li>{identified ? t('notice.identified') : t('notice.anonymous')}</li>
        <li>{t('notice.skip')}</li>
        <li>{t('notice.whoSees')}</li>
        <li>{t('notice.safety')}</li>
        <li>{t('notice.saved', { count: questionCount })}</li>
        <li>{t('notice.withdraw')}</li>
      </ul>
    </section>
  )
}
