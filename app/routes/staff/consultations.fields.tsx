// The consultation settings fields, shared by the create and settings pages (not a route: no URL).
import { useTranslation } from 'react-i18next'
import { FieldError, type ShownError } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'

export interface SettingsFormValues {
  slug: string
  title: string
  description: string
  defaultLocale: string
  anonymity: string
  lawfulBasis: string
  retentionDays: string
  audience: string[]
  symbolModeDefault: boolean
}

export interface SettingsChoices {
  locales: ReadonlyArray<{ code: string; name: string }>
  lawfulBases: readonly string[]
  anonymityModes: readonly string[]
  audienceBands: readonly string[]
}

/** Where the error summary's link for a field goes (a group's first box). */
export function anchorOf(field: string, choices: SettingsChoices): string {
  if (field === 'audience') return `audience-${choices.audienceBands[0]}`
  if (field === 'anonymity') return `anonymity-${choices.anonymityModes[0]}`
  return field
}

/** The errors as the summary lists them, in the order of the form. */
export function shownErrors(errors: Record<string, string> | undefined, choices: SettingsChoices, t: (key: string) => string): ShownError[] {
  if (!errors) return []
  const order = ['slug', 'title', 'description', 'audience', 'defaultLocale', 'anonymity', 'lawfulBasis', 'retentionDays', 'symbolModeDefault']
  return Object.entries(errors)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, key]) => ({ field: anchorOf(field, choices), message: t(`errors.${key}`) }))
}

export function SettingsFields({
  values,
  errors = {},
  choices,
  withSlug,
}: {
  values: SettingsFormValues
  errors?: Record<string, string>
  choices: SettingsChoices
  withSlug: boolean
}) {
  const { t } = useTranslation('builder')
  const message = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : undefined)
  const audienceError = message('audience')
  const anonymityError = message('anonymity')
  const describedBy = (id: string, hint: boolean) => [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <>
      {withSlug ? <TextField id="slug" name="slug" label={t('form.slug')} hint={t('form.slugHint')} defaultValue={values.slug} error={message('slug')} /> : null}
      <TextField id="title" name="title" label={t('form.title')} hint={t('form.titleHint')} defaultValue={values.title} error={message('title')} />
      <TextField id="description" name="description" label={t('form.description')} defaultValue={values.description} error={message('description')} multiline />
      <fieldset className={`fieldset${audienceError ? ' fieldset--error' : ''}`} aria-describedby={audienceError ? 'audience-hint audience-error' : 'audience-hint'}>
        <legend className="fieldset__legend">{t('form.audience')}</legend>
        <p id="audience-hint" className="hint">
          {t('form.audienceHint')}
        </p>
        <FieldError id="audience-error" message={audienceError} />
        <div className="check-grid">
          {choices.audienceBands.map((band) => (
            <div key={band} className="check">
              <input type="checkbox" id={`audience-${band}`} name="audience" value={band} defaultChecked={values.audience.includes(band)} />
              <label htmlFor={`audience-${band}`}>{t(`form.ageBands.${band}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={`field${errors.defaultLocale ? ' field--error' : ''}`}>
        <label htmlFor="defaultLocale" className="field__label">
          {t('form.defaultLanguage')}
        </label>
        <FieldError id="defaultLocale-error" message={message('defaultLocale')} />
        <select id="defaultLocale" name="defaultLocale" className="select" defaultValue={values.defaultLocale} aria-describedby={describedBy('defaultLocale', false)}>
          {choices.locales.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={`fieldset${anonymityError ? ' fieldset--error' : ''}`} aria-describedby={anonymityError ? 'anonymity-error' : undefined}>
        <legend className="fieldset__legend">{t('form.anonymity')}</legend>
        <FieldError id="anonymity-error" message={anonymityError} />
        {choices.anonymityModes.map((mode) => (
          <div key={mode} className="check">
            <input type="radio" id={`anonymity-${mode}`} name="anonymity" value={mode} defaultChecked={values.anonymity === mode} />
            <label htmlFor={`anonymity-${mode}`}>{t(`form.${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className={`field${errors.lawfulBasis ? ' field--error' : ''}`}>
        <label htmlFor="lawfulBasis" className="field__label">
          {t('form.lawfulBasis')}
        </label>
        <FieldError id="lawfulBasis-error" message={message('lawfulBasis')} />
        <select id="lawfulBasis" name="lawfulBasis" className="select" defaultValue={values.lawfulBasis} aria-describedby={describedBy('lawfulBasis', false)}>
          {choices.lawfulBases.map((basis) => (
            <option key={basis} value={basis}>
              {t(`form.lawfulBases.${basis}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="retentionDays"
        name="retentionDays"
        type="number"
        label={t('form.retentionDays')}
        hint={t('form.retentionHint')}
        defaultValue={values.retentionDays}
        error={message('retentionDays')}
      />
      <div>
        <div className="check">
          <input type="checkbox" id="symbolModeDefault" name="symbolModeDefault" defaultChecked={values.symbolModeDefault} aria-describedby="symbolModeDefault-hint" />
          <label htmlFor="symbolModeDefault">{t('form.symbolModeDefault')}</label>
        </div>
        <p id="symbolModeDefault-hint" className="hint">
          {t('form.symbolModeHint')}
        </p>
      </div>
    </>
  )
}
