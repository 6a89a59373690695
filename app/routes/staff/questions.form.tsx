// The question form, shared by the add and edit pages (not a route: no URL). Every type's form part
// comes from its settings description (loader data from app/domain/question-editor.ts), so a new
// question type shows its settings here without a new component.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldError, type ShownError } from '~/components/error-summary'
import { SymbolImage } from '~/components/symbol'
import type { EditErrors, QuestionFormValues, SettingField, TypeEditor } from '~/domain/question-editor'

type TFn = (key: string, options?: Record<string, unknown>) => string

/** The errors as the summary lists them, in the order of the form, each linking to its field. */
export function shownEditErrors(errors: EditErrors | undefined, t: TFn): ShownError[] {
  if (!errors) return []
  const rank = (field: string) => {
    const fixed = ['lock', 'type', 'prompt', 'hint', 'key', 'required']
    if (fixed.includes(field)) return fixed.indexOf(field)
    if (field.startsWith('setting-')) return 10
    if (field === 'options') return 20
    const row = /^option-(\d+)-/.exec(field)
    return row ? 30 + Number(row[1]) : 100
  }
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, error]) => ({ field: field.endsWith('-themes') ? `${field}-0` : field, message: t(`errors.${error.code}`, error.values) }))
}

interface Props {
  slug: string
  questionId: string | null
  values: QuestionFormValues
  errors: EditErrors
  editors: Record<string, TypeEditor>
  types: readonly string[]
  themes: Array<{ id: string; key: string; title: string }>
  symbols: { question: string | null; options: Array<{ id: string; symbol: string | null }> }
  symbolNames: Record<string, string>
  submitLabel: string
}

export function QuestionForm({ slug, questionId, values, errors, editors, types, themes, symbols, symbolNames, submitLabel }: Props) {
  const { t } = useTranslation('editor')
  const editor = editors[values.type] ?? editors[types[0]]
  const message = (field: string) => (errors[field] ? t(`errors.${errors[field].code}`, errors[field].values) : undefined)
  const rule = editor.options
  const rows = rule.kind === 'none' ? [] : values.options
  const base = `/staff/consultations/${slug}/questions`
  return (
    <Form method="post" className="stack question-form" noValidate>
      {/* Enter in a box saves (the first submit button of a form is the one Enter presses). */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <div className={`field${errors.type ? ' field--error' : ''}`}>
        <label htmlFor="type" className="field__label">
          {t('form.type')}
        </label>
        <p id="type-hint" className="hint">
          {t('form.typeHint')}
        </p>
        <FieldError id="type-error" message={message('type')} />
        <div className="button-group">
          <select id="type" name="type" className="select" defaultValue={values.type} key={values.type} aria-describedby="type-hint">
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="change-type" className="button button--secondary">
            {t('form.changeType')}
          </button>
        </div>
      </div>

      <Text id="prompt" label={t('form.prompt')} hint={t('form.promptHint')} value={values.prompt} error={message('prompt')} multiline />
      <Text id="hint" label={t('form.hint')} hint={t('form.hintHint')} value={values.hint} error={message('hint')} multiline />
      <Text id="key" label={t('form.key')} hint={t('form.keyHint')} value={values.key} error={message('key')} />

      {editor.mayBeRequired ? (
        <div>
          <div className="check">
            <input type="checkbox" id="required" name="required" defaultChecked={values.required} key={`required-${values.required}`} aria-describedby="required-hint" />
            <label htmlFor="required">{t('form.required')}</label>
          </div>
          <p id="required-hint" className="hint">
            {t('form.requiredHint')}
          </p>
        </div>
      ) : (
        <p className="hint">{t('form.alwaysOptional')}</p>
      )}

      {editor.settings.length ? (
        <fieldset className="fieldset stack">
          <legend className="fieldset__legend">{t('form.settings', { type: t(`types.${editor.type}`) })}</legend>
          {editor.settings.map((field) => (
            <Setting key={`${editor.type}-${field.name}`} type={editor.type} field={field} value={values.settings[field.name] ?? ''} error={message(`setting-${field.name}`)} />
          ))}
          {rule.kind === 'demographic' ? (
            <div>
              <button type="submit" name="intent" value="standard-options" className="button button--secondary">
                {t('form.standardOptions')}
              </button>
            </div>
          ) : null}
        </fieldset>
      ) : null}

      {rule.kind !== 'none' ? (
        <fieldset
          className={`fieldset stack${errors.options ? ' fieldset--error' : ''}`}
          id="options"
          aria-describedby={errors.options ? 'options-hint options-error' : 'options-hint'}
        >
          <legend className="fieldset__legend">{editor.type === 'scale' ? t('form.points') : t('form.options')}</legend>
          <p id="options-hint" className="hint">
            {t(`form.optionsHint.${rule.kind === 'free' && editor.type === 'scale' ? 'scale' : rule.kind}`, rule.kind === 'free' ? { min: rule.min, max: rule.max } : {})}
          </p>
          <FieldError id="options-error" message={message('options')} />
          <input type="hidden" name="optionRows" value={rows.length} />
          <ol className="option-rows">
            {rows.map((row, i) => {
              const n = i + 1
              const symbol = row.id ? symbols.options.find((o) => o.id === row.id)?.symbol : null
              return (
                <li key={`${row.id || 'new'}-${i}-${row.key}-${row.label}`} className="option-row stack">
                  <fieldset className="fieldset stack">
                    <legend className="fieldset__legend">{row.id || row.label ? t('form.optionN', { n }) : t('form.newOptionN', { n })}</legend>
                    <input type="hidden" name={`option-${i}-id`} value={row.id} />
                    <Text id={`option-${i}-label`} label={t('form.optionLabel', { n })} value={row.label} error={message(`option-${i}-label`)} />
                    <Text id={`option-${i}-key`} label={t('form.optionKey', { n })} hint={t('form.optionKeyHint')} value={row.key} error={message(`option-${i}-key`)} />
                    {symbol ? (
                      <p className="option-row__symbol">
                        <SymbolImage symbol={symbol} place="option" /> {t('form.symbolNow', { name: symbolNames[symbol] ?? symbol })}
                      </p>
                    ) : null}
                    {themes.length ? (
                      <fieldset className={`fieldset${errors[`option-${i}-themes`] ? ' fieldset--error' : ''}`}>
                        <legend className="fieldset__legend">{t('form.optionThemes', { n })}</legend>
                        <FieldError id={`option-${i}-themes-error`} message={message(`option-${i}-themes`)} />
                        <div className="check-grid">
                          {themes.map((theme, ti) => (
                            <div className="check" key={theme.id}>
                              <input type="checkbox" id={`option-${i}-themes-${ti}`} name={`option-${i}-themes`} value={theme.id} defaultChecked={row.themes.includes(theme.id)} />
                              <label htmlFor={`option-${i}-themes-${ti}`}>{theme.title}</label>
                            </div>
                          ))}
                        </div>
                      </fieldset>
                    ) : null}
                    <div className="button-group">
                      {i > 0 ? (
                        <button type="submit" name="intent" value={`up-${i}`} className="button button--secondary" aria-label={t('form.optionUp', { n })}>
                          {t('form.up')}
                        </button>
                      ) : null}
                      {i < rows.length - 1 ? (
                        <button type="submit" name="intent" value={`down-${i}`} className="button button--secondary" aria-label={t('form.optionDown', { n })}>
                          {t('form.down')}
                        </button>
                      ) : null}
                      {row.id || row.label ? (
                        <div className="check">
                          <input type="checkbox" id={`option-${i}-remove`} name={`option-${i}-remove`} defaultChecked={row.remove} />
                          <label htmlFor={`option-${i}-remove`}>{t('form.optionRemove', { n })}</label>
                        </div>
                      ) : null}
                    </div>
                  </fieldset>
                </li>
              )
            })}
          </ol>
          <div>
            <button type="submit" name="intent" value="add-rows" className="button button--secondary">
              {t('form.addRows')}
            </button>
          </div>
        </fieldset>
      ) : null}

      {questionId ? (
        <section className="stack" aria-labelledby="question-symbol-title">
          <h2 id="question-symbol-title">{t('form.symbolsTitle')}</h2>
          <p>
            {symbols.question ? (
              <>
                <SymbolImage symbol={symbols.question} place="option" /> {t('form.symbolNow', { name: symbolNames[symbols.question] ?? symbols.question })}
              </>
            ) : (
              t('form.noSymbol')
            )}
          </p>
          <p>
            <Link to={`${base}/${questionId}/symbols`}>{t('form.symbolsLink')}</Link>
          </p>
          <p>
            <Link to={`${base}/${questionId}/audio`}>{t('list.audio')}</Link>
          </p>
        </section>
      ) : (
        <p className="hint">{t('form.symbolsAfterSave')}</p>
      )}

      <div className="button-group">
        <button type="submit" name="intent" value="save" className="button button--primary">
          {submitLabel}
        </button>
        <Link to={base}>{t('form.backToList')}</Link>
      </div>
    </Form>
  )
}

function Text({ id, label, hint, value, error, multiline }: { id: string; label: string; hint?: string; value: string; error?: string; multiline?: boolean }) {
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
        <textarea id={id} name={id} className="textarea" rows={2} defaultValue={value} key={value} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      ) : (
        <input id={id} name={id} type="text" className="input" defaultValue={value} key={value} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      )}
    </div>
  )
}

function Setting({ type, field, value, error }: { type: string; field: SettingField; value: string; error?: string }) {
  const { t } = useTranslation('editor')
  const id = `setting-${field.name}`
  const label = t(`settings.${type}.${field.name}`)
  const hint = t(`settings.${type}.${field.name}Hint`)
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')
  if (field.kind === 'checkbox') {
    return (
      <div>
        <div className="check">
          <input type="checkbox" id={id} name={id} defaultChecked={value === 'on'} key={value} aria-describedby={describedBy} />
          <label htmlFor={id}>{label}</label>
        </div>
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      </div>
    )
  }
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {field.kind === 'choice' ? (
        <select id={id} name={id} className="select" defaultValue={value} key={value} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
          {field.defaultValue === null ? <option value="">{t('form.choose')}</option> : null}
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`choices.${field.name}.${choice}`)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          className="input input--short"
          defaultValue={value}
          key={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </div>
  )
}
