import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { MAX_IMAGE_MB } from '~/domain/images'
import type { SurveyQuestion } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { QuestionHelp } from '../read-aloud'
import { Sentences } from '../sentences'
import { SymbolImage } from '../symbol'

/**
 * A story (issue 5): gentle prompts, a text box with a visible limit, an optional drawing or photo
 * (a file input; on a phone it offers the camera too) and two consents, both unticked unless the
 * participant ticked them. The form around it is multipart, so it all works without JavaScript.
 */
export function StoryQuestion({ question, answer, errors }: { question: Extract<SurveyQuestion, { type: 'story' }>; answer: Answer | null; errors: Record<string, string> }) {
  const { t } = useTranslation('participant')
  const story = answer?.kind === 'story' ? answer : null
  const [length, setLength] = useState<number | null>(null)
  const max = question.config.maxLength
  const ids = { hint: `${question.key}-hint`, prompts: `${question.key}-prompts`, error: `${question.key}-error`, count: `${question.key}-count` }
  const textError = errors[fieldIds.text]
  const pictureError = errors[fieldIds.picture]
  return (
    <div className="stack story">
      <div className={`field${textError ? ' field--error' : ''}`}>
        <h1 className="question-title" id="question-heading" tabIndex={-1}>
          <label htmlFor={fieldIds.text}>
            <SymbolImage symbol={question.symbol} place="question" />
            <span lang={question.lang?.prompt}>{question.prompt}</span>
          </label>
        </h1>
        <QuestionHelp question={question} />
        {question.hint ? (
          <p id={ids.hint} className="hint" lang={question.lang?.hint}>
            <Sentences text={question.hint} />
          </p>
        ) : null}
        <div id={ids.prompts} className="hint story__prompts">
          <p>{t('story.promptsIntro')}</p>
          <ul>
            <li>{t('story.prompts.happened')}</li>
            <li>{t('story.prompts.feel')}</li>
            <li>{t('story.prompts.better')}</li>
          </ul>
        </div>
        <FieldError id={ids.error} message={textError} />
        <textarea
          id={fieldIds.text}
          name="answer"
          rows={8}
          className="textarea"
          defaultValue={story?.text ?? ''}
          aria-describedby={[question.hint ? ids.hint : null, ids.prompts, textError ? ids.error : null, ids.count].filter(Boolean).join(' ')}
          aria-invalid={textError ? true : undefined}
          onChange={(event) => setLength([...event.currentTarget.value].length)}
        />
        <p id={ids.count} className="hint" aria-live="polite">
          {length === null ? t('text.limit', { count: max }) : length <= max ? t('text.left', { count: max - length }) : t('text.over', { count: length - max })}
        </p>
      </div>

      {question.config.allowPicture ? (
        <div className={`field${pictureError ? ' field--error' : ''}`}>
          <label htmlFor={fieldIds.picture} className="field__label">
            {t('story.picture.label')}
          </label>
          <p id="picture-hint" className="hint">
            {t('story.picture.hint', { mb: MAX_IMAGE_MB })}
          </p>
          <FieldError id="picture-error" message={pictureError} />
          {story?.picture ? (
            <div className="story__saved-picture">
              <p id="picture-saved">{t('story.picture.saved')}</p>
              <input type="hidden" name="hadPicture" value="yes" />
              <div className="choice">
                <input type="checkbox" id="remove-picture" name="removePicture" value="yes" className="choice__input" />
                <label htmlFor="remove-picture" className="choice__label">
                  <span className="choice__text">{t('story.picture.remove')}</span>
                </label>
              </div>
            </div>
          ) : null}
          <input
            type="file"
            id={fieldIds.picture}
            name="picture"
            accept="image/*"
            className="file-input"
            aria-describedby={['picture-hint', pictureError ? 'picture-error' : null, story?.picture ? 'picture-saved' : null].filter(Boolean).join(' ')}
            aria-invalid={pictureError ? true : undefined}
          />
        </div>
      ) : null}

      <fieldset className="fieldset" aria-describedby="consent-hint">
        <legend className="fieldset__legend">
          <h2 className="story__consent-title">{t('story.consent.legend')}</h2>
        </legend>
        <p id="consent-hint" className="hint">
          {t('story.consent.hint')}
        </p>
        <div className="choices">
          <div className="choice">
            <input type="checkbox" id={fieldIds.consentWords} name="consentWords" value="yes" defaultChecked={story?.consentWords ?? false} className="choice__input" />
            <label htmlFor={fieldIds.consentWords} className="choice__label">
              <span className="choice__text">
                <strong>{t('story.consent.words')}</strong> {t('story.consent.wordsHint')}
              </span>
            </label>
          </div>
          {question.config.allowPicture ? (
            <div className="choice">
              <input type="checkbox" id={fieldIds.consentPicture} name="consentPicture" value="yes" defaultChecked={story?.consentPicture ?? false} className="choice__input" />
              <label htmlFor={fieldIds.consentPicture} className="choice__label">
                <span className="choice__text">
                  <strong>{t('story.consent.picture')}</strong> {t('story.consent.pictureHint')}
                </span>
              </label>
            </div>
          ) : null}
        </div>
      </fieldset>
    </div>
  )
}
