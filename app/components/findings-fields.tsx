// Form fields for the staff findings pages (themes, plans, actions): label, hint, error beside the field.
import { FieldError } from './error-summary'

export function TextField({ id, name, label, hint, error, defaultValue, multiline, type = 'text' }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; multiline?: boolean; type?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {multiline ? (
        <textarea id={id} name={name} className="textarea" defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      ) : (
        <input id={id} name={name} type={type} className="input" defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      )}
    </div>
  )
}
