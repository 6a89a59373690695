import { useTranslation } from 'react-i18next'
import type { DisclosedCell } from '~/domain/disclosure'

/** A count after small-number suppression: the number, or its mark with an explanation for screen readers. */
export function Disclosed({ cell }: { cell: DisclosedCell }) {
  const { t } = useTranslation('staff')
  if (cell.kind === 'value') return <>{cell.value.toLocaleString('en-GB')}</>
  return (
    <abbr className="mark" title={t(`marks.${cell.mark}`)}>
      {cell.mark}
      <span className="visually-hidden"> ({t(`marks.${cell.mark}`)})</span>
    </abbr>
  )
}

export function PercentCell({ value }: { value: number | 'c' | 'z' | 'k' | null }) {
  const { t } = useTranslation('staff')
  if (value === null) return <>–</>
  if (typeof value === 'number') return <>{`${value.toFixed(1)}%`}</>
  return (
    <abbr className="mark" title={t(`marks.${value}`)}>
      {value}
      <span className="visually-hidden"> ({t(`marks.${value}`)})</span>
    </abbr>
  )
}

/** The key to the marks used in tables after small-number suppression. */
export function MarksKey() {
  const { t } = useTranslation(['analysis', 'staff'])
  return (
    <>
      <p className="marks-key__title">{t('analysis:marksKey.label')}</p>
      <dl className="marks-key">
      {(['c', 'z', 'k'] as const).map((mark) => (
        <div key={mark}>
          <dt>
            <span className="mark">{mark}</span>
          </dt>
          <dd>{t(`staff:marks.${mark}`)}</dd>
        </div>
      ))}
      <div>
        <dt>–</dt>
        <dd>{t('analysis:marksKey.dash')}</dd>
      </div>
      </dl>
    </>
  )
}
