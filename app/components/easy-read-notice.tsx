import { useTranslation } from 'react-i18next'
import { Sentences } from './sentences'
import { SymbolImage } from './symbol'

/** The privacy notice in Easy Read: what happens to answers, who sees them, anonymity, safety, withdrawing. */
export function EasyReadNotice({ identified, questionCount }: { identified: boolean; questionCount: number }) {
  const { t } = useTranslation('participant')
  // One point per line, each with its symbol: the Easy Read layout (a picture beside short sentences).
  const points = [
    { key: 'answers', symbol: 'openmoji:1F4DD', text: t('noticeEasy.answers') }, // memo
    { key: 'whoSees', symbol: 'openmoji:1F440', text: t('noticeEasy.whoSees') }, // eyes
    identified
      ? { key: 'identified', symbol: 'openmoji:1F4DB', text: t('noticeEasy.identified') } // name badge
      : { key: 'anonymous', symbol: 'openmoji:1F512', text: t('noticeEasy.anonymous') }, // locked
    { key: 'skip', symbol: 'openmoji:23ED', text: t('noticeEasy.skip') }, // next track
    { key: 'safety', symbol: 'openmoji:1F6DF', text: t('noticeEasy.safety') }, // ring buoy
    { key: 'saved', symbol: 'openmoji:2705', text: t('noticeEasy.saved', { count: questionCount }) }, // check mark
    { key: 'withdraw', symbol: 'openmoji:1F511', text: t('noticeEasy.withdraw') }, // key
  ]
  return (
    <section className="notice notice--easy" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('noticeEasy.title')}</h2>
      <ul className="easy-list">
        {points.map((point) => (
          <li key={point.key} className="easy-list__item" data-point={point.key}>
            <SymbolImage symbol={point.symbol} place="notice" lazy={false} />
            <p>
              <Sentences text={point.text} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
