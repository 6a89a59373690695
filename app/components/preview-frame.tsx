// The staff preview's frame: a clear "nothing is saved" banner, the view switches (language, symbols,
// Easy Read) as plain links, links back to the builder, and the participant's page itself inside an
// area in the previewed language and direction, with its own translator and symbol mode.
import { type ReactNode, useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { defaultLocale, directionOf, localeNames, supportedLocales } from '~/i18n/config'
import { type Resources, Translator } from '~/i18n/translator'
import { type PreviewView, previewQuery } from '~/domain/preview'
import { SymbolModeContext } from './symbol'

/**
 * A translator for the previewed language. On the server the page's i18next instance (which has every
 * language) is cloned in that language; in the browser a translator is made from the strings the
 * loader sent (the participant namespaces in that language, English for any gap).
 */
function usePreviewTranslator(lang: string, resources: Resources) {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const server = i18n as unknown as { cloneInstance?: (options: { lng: string }) => unknown }
    if (typeof server.cloneInstance === 'function') return server.cloneInstance({ lng: lang })
    return new Translator({ language: lang, fallbackLanguage: defaultLocale, defaultNS: 'common', resources })
  }, [i18n, lang, resources])
}

interface Props {
  /** Where this preview page is, without its query: the switches keep it and change only the view. */
  path: string
  view: PreviewView
  resources: Resources
  editorHref: string
  settingsHref: string
  status: string
  /** Staff-language content between the banner and the preview area (a notice), and after it (links). */
  notice?: ReactNode
  after?: ReactNode
  children: ReactNode
}

export function PreviewFrame({ path, view, resources, editorHref, settingsHref, status, notice, after, children }: Props) {
  const { t } = useTranslation('staffadmin')
  const translator = usePreviewTranslator(view.lang, resources)
  const onOff = (on: boolean) => t(on ? 'preview.on' : 'preview.off')
  const link = (change: Partial<PreviewView>) => `${path}${previewQuery({ ...view, ...change })}`
  return (
    <div className="stack preview">
      <div className="preview-banner" role="region" aria-labelledby="preview-banner-title">
        <p id="preview-banner-title" className="preview-banner__title">
          <strong>{t('preview.banner')}</strong>
        </p>
        <p>{t('preview.bannerBody')}</p>
        <p>{t('preview.status', { status: t(`auth:home.status.${status}`) })}</p>
        <nav aria-label={t('preview.controls')} className="preview-controls">
          <p data-testid="preview-showing">{t('preview.showing', { language: localeNames[view.lang], symbols: onOff(view.symbols), easyRead: onOff(view.easyRead) })}</p>
          <ul className="preview-controls__list">
            <li>
              <span>{t('preview.language')}:</span>{' '}
              {supportedLocales.map((lng) => (
                <a key={lng} href={link({ lang: lng })} lang={lng} hrefLang={lng} aria-current={lng === view.lang ? 'true' : undefined} className="preview-controls__option">
                  {localeNames[lng]}
                </a>
              ))}
            </li>
            <li>
              <a href={link({ symbols: !view.symbols })}>{t(view.symbols ? 'preview.turnOff' : 'preview.turnOn', { setting: t('preview.symbols') })}</a>
            </li>
            <li>
              <a href={link({ easyRead: !view.easyRead })}>{t(view.easyRead ? 'preview.turnOff' : 'preview.turnOn', { setting: t('preview.easyRead') })}</a>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('preview.staffLinks')}>
          <ul className="preview-controls__list">
            <li>
              <a href={editorHref}>{t('preview.editor')}</a>
            </li>
            <li>
              <a href={settingsHref}>{t('preview.settings')}</a>
            </li>
          </ul>
        </nav>
      </div>
      {notice}
      <section
        className={`preview-area stack${view.symbols ? ' symbol-mode' : ''}`}
        lang={view.lang}
        dir={directionOf(view.lang)}
        aria-label={t('preview.area')}
        data-testid="preview-area"
      >
        <I18nextProvider i18n={translator as never}>
          <SymbolModeContext.Provider value={view.symbols}>{children}</SymbolModeContext.Provider>
        </I18nextProvider>
      </section>
      {after}
    </div>
  )
}
