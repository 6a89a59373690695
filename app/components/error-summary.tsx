import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export interface ShownError {
  field: string
  message: string
}

/** GOV.UK error summary: listed at the top, each linking to its field; focused when shown. */
export function ErrorSummary({ errors }: { errors: ShownError[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) ref.current?.focus()
  }, [errors])
  if (!errors.length) return null
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="error-summary__title">
        {t('errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('errors.prefix')}</span> {message}
    </p>
  )
}
