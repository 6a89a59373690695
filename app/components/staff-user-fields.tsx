// Form fields of the staff accounts pages: a text input with its label, hint and error, and the roles
// as checkboxes in a fieldset. Errors sit beside the field; the page lists them in its error summary.
import { useTranslation } from 'react-i18next'
import { type Role, roles } from '~/domain/permissions'
import { FieldError } from './error-summary'

export function InputField(props: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; type?: string; autoComplete?: string }) {
  const { id, name, label, hint, error, defaultValue, type = 'text', autoComplete } = props
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
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={type === 'email' || type === 'password' ? false : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  )
}

/** The id the error summary links to for the roles. */
export const rolesFieldId = (prefix: string) => `${prefix}-role-${roles[0]}`

export function RolesField({ prefix, checked, error }: { prefix: string; checked: readonly Role[]; error?: string }) {
  const { t } = useTranslation(['staffadmin', 'auth'])
  const hintId = `${prefix}-roles-hint`
  const errorId = `${prefix}-roles-error`
  return (
    <fieldset className={`fieldset${error ? ' fieldset--error' : ''}`} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="fieldset__legend">{t('users.rolesLegend')}</legend>
      <p id={hintId} className="hint">
        {t('users.rolesHint')}
      </p>
      <FieldError id={errorId} message={error} />
      <div className="check-grid">
        {roles.map((role) => (
          <div key={role} className="check">
            <input type="checkbox" id={`${prefix}-role-${role}`} name="roles" value={role} defaultChecked={checked.includes(role)} />
            <label htmlFor={`${prefix}-role-${role}`}>{t(`auth:roles.${role}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}
