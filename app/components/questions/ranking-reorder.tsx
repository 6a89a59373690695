import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldIds } from '~/domain/answers'
import { addToTop, moveDown, moveTo, moveUp, type RankingOrder, removeFromTop, toFormValues } from '~/domain/ranking-order'
import type { SurveyOption } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { ReadAloud } from '../read-aloud'
import { SymbolImage } from '../symbol'

type Action = 'up' | 'down' | 'add' | 'remove'

interface Props {
  questionKey: string
  options: SurveyOption[]
  /** How many numbers to give: all the options, or the top N. */
  positions: number
  start: string[]
  errors: Record<string, string>
}

/**
 * The ranking once JavaScript runs: the placed items as an ordered list with Up / Down / Remove
 * buttons, the others with Add, and drag by the dotted handle as an extra. Every change is
 * announced in a polite live region, and focus stays on the moved item's button. Hidden fields
 * send the same `rank-<key>` numbers the selects send without JavaScript.
 */
export function RankingReorder({ questionKey, options, positions, start, errors }: Props) {
  const { t } = useTranslation('questions')
  const [order, setOrder] = useState<RankingOrder>(start)
  const [message, setMessage] = useState('')
  const [dragging, setDragging] = useState<string | null>(null)
  const orderRef = useRef(order)
  orderRef.current = order
  const focusAfter = useRef<string | null>(null)
  const placedRef = useRef<HTMLOListElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)

  const keys = options.map((o) => o.key)
  const labelOf = (key: string) => options.find((o) => o.key === key)?.label ?? key
  const top = positions < options.length
  const values = { top: positions, total: positions }
  const unplaced = options.filter((o) => !order.includes(o.key))
  const full = order.length >= positions

  // After a move the item's list entry has moved too: put focus back on the same button.
  useEffect(() => {
    const target = focusAfter.current
    focusAfter.current = null
    if (target) rootRef.current?.querySelector<HTMLButtonElement>(`[data-focus="${target}"]`)?.focus()
  }, [order])

  function announce(text: string) {
    // The same words twice would not be read again: make the second one differ invisibly.
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text))
  }

  function act(action: Action, key: string) {
    const label = labelOf(key)
    const next = action === 'up' ? moveUp(order, key) : action === 'down' ? moveDown(order, key) : action === 'add' ? addToTop(order, key, positions) : removeFromTop(order, key)
    if (next === order) {
      if (action === 'up') announce(t('ranking.alreadyFirst', { label }))
      else if (action === 'down') announce(t('ranking.alreadyLast', { label, position: order.length }))
      else if (action === 'add') announce(t('ranking.full', values))
      return
    }
    const position = next.indexOf(key) + 1
    // Added: focus its Up button (the next thing to do is usually to raise it). Removed: its Add button.
    focusAfter.current = `${key}:${action === 'add' ? 'up' : action === 'remove' ? 'add' : action}`
    setOrder(next)
    announce(action === 'remove' ? t('ranking.removed', { label }) : t(action === 'add' ? 'ranking.added' : 'ranking.moved', { ...values, label, position }))
  }

  // Drag by the handle (mouse, pen or finger): the list reorders under the pointer as it crosses
  // the middle of a neighbour; on release the new place is announced like a button move. The
  // listeners sit on the window because reordering moves list items, which would drop a capture.
  const stopDrag = useRef<(() => void) | null>(null)
  useEffect(() => () => stopDrag.current?.(), [])
  function onGripDown(event: ReactPointerEvent<HTMLSpanElement>, key: string) {
    if (event.button !== 0 || stopDrag.current) return
    event.preventDefault()
    const pointer = event.pointerId
    const before = orderRef.current
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointer || !placedRef.current) return
      let above = 0
      for (const item of placedRef.current.children) {
        const box = item.getBoundingClientRect()
        if ((item as HTMLElement).dataset.key !== key && box.top + box.height / 2 < e.clientY) above++
      }
      const next = moveTo(orderRef.current, key, above + 1)
      if (next !== orderRef.current) setOrder((orderRef.current = next))
    }
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return
      stop()
      if (e.type === 'pointercancel') return setOrder(before)
      const position = orderRef.current.indexOf(key) + 1
      if (position !== before.indexOf(key) + 1) announce(t('ranking.moved', { ...values, label: labelOf(key), position }))
    }
    const stop = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', end)
      window.removeEventListener('pointercancel', end)
      stopDrag.current = null
      setDragging(null)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', end)
    window.addEventListener('pointercancel', end)
    stopDrag.current = stop
    setDragging(key)
  }

  function button(action: Action, key: string, disabled: boolean, id?: string, describedBy?: string) {
    const label = labelOf(key)
    const name = action === 'up' ? 'ranking.upName' : action === 'down' ? 'ranking.downName' : `ranking.${action}${top ? 'Top' : ''}Name`
    return (
      <button
        type="button"
        id={id}
        className={`ranking-js__button ranking-js__button--${action}`}
        data-focus={`${key}:${action}`}
        aria-label={t(name, { ...values, label })}
        aria-describedby={describedBy}
        aria-disabled={disabled || undefined}
        onClick={() => act(action, key)}
      >
        {t(`ranking.${action}`)}
      </button>
    )
  }

  function itemError(key: string) {
    const field = fieldIds.rank(key)
    const error = errors[field]
    return { field, error, errorId: error ? `${field}-error` : undefined }
  }

  return (
    <div className="ranking-js" ref={rootRef}>
      <p className="hint">{t(top ? 'ranking.howTop' : 'ranking.howAll', values)}</p>
      <h2 className="ranking-js__heading" id={`${questionKey}-placed`}>
        {top ? t('ranking.myTop', values) : t('ranking.myOrder')}
      </h2>
      {order.length ? (
        <ol className="ranking" role="list" ref={placedRef} aria-labelledby={`${questionKey}-placed`}>
          {order.map((key, index) => {
            const option = options.find((o) => o.key === key)
            const { field, error, errorId } = itemError(key)
            return (
              <li key={key} data-key={key} className={`ranking__item ranking-js__item${error ? ' ranking__item--error' : ''}${dragging === key ? ' ranking-js__item--dragging' : ''}`}>
                <span className="ranking-js__grip" aria-hidden="true" onPointerDown={(e) => onGripDown(e, key)} />
                <span className="ranking-js__number">{index + 1}</span>
                <span className="ranking__label">
                  <SymbolImage symbol={option?.symbol ?? null} />
                  <span lang={option?.lang}>{labelOf(key)}</span>
                </span>
                <FieldError id={`${field}-error`} message={error} />
                <span className="ranking-js__buttons">
                  {/* Read-aloud first, with the card's other buttons: never inside the card's words. */}
                  <ReadAloud kind="option" text={labelOf(key)} />
                  {button('up', key, index === 0, field, errorId)}
                  {button('down', key, index === order.length - 1)}
                  {button('remove', key, false)}
                </span>
              </li>
            )
          })}
        </ol>
      ) : (
        <p>{t('ranking.empty')}</p>
      )}
      {unplaced.length ? (
        <>
          <h2 className="ranking-js__heading" id={`${questionKey}-unplaced`}>
            {top ? t('ranking.notInTop', values) : t('ranking.notPlaced')}
          </h2>
          {top && full ? <p className="hint">{t('ranking.full', values)}</p> : null}
          <ul className="ranking" role="list" aria-labelledby={`${questionKey}-unplaced`}>
            {unplaced.map((option) => {
              const { field, error, errorId } = itemError(option.key)
              return (
                <li key={option.key} className={`ranking__item ranking-js__item ranking-js__item--unplaced${error ? ' ranking__item--error' : ''}`}>
                  <span className="ranking__label">
                    <SymbolImage symbol={option.symbol} />
                    <span lang={option.lang}>{option.label}</span>
                  </span>
                  <FieldError id={`${field}-error`} message={error} />
                  <span className="ranking-js__buttons">
                    <ReadAloud kind="option" text={option.label} />
                    {button('add', option.key, full, field, errorId)}
                  </span>
                </li>
              )
            })}
          </ul>
        </>
      ) : null}
      {toFormValues(keys, order).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </div>
  )
}
