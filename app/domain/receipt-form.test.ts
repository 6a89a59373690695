import { describe, expect, it } from 'vitest'
import { readReceiptForm } from './receipt-form'

function form(entries: Array<[string, string | File]>) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

describe('readReceiptForm', () => {
  it('keeps the code exactly as typed (normalising is the look-up\'s job) with the intent', () => {
    expect(readReceiptForm(form([['code', ' 7kq4 mxtc '], ['intent', 'confirm']]))).toEqual({ typed: ' 7kq4 mxtc ', intent: 'confirm' })
    expect(readReceiptForm(form([['code', '7KQ4-MXTC'], ['intent', 'withdraw']]))).toEqual({ typed: '7KQ4-MXTC', intent: 'withdraw' })
  })

  it('shows the answers when no intent, or one it does not know, is sent', () => {
    expect(readReceiptForm(form([['code', '7KQ4-MXTC']])).intent).toBe('show')
    expect(readReceiptForm(form([['code', '7KQ4-MXTC'], ['intent', 'delete-everything']])).intent).toBe('show')
    expect(readReceiptForm(form([['code', '7KQ4-MXTC'], ['intent', 'show']])).intent).toBe('show')
  })

  it('treats a missing, blank or non-text code as nothing typed', () => {
    expect(readReceiptForm(form([])).typed).toBe('')
    expect(readReceiptForm(form([['code', '   \n ']])).typed).toBe('')
    expect(readReceiptForm(form([['code', new File(['7KQ4MXTC'], 'code.txt')]])).typed).toBe('')
  })

  it('cuts a very long entry to 40 characters', () => {
    const typed = readReceiptForm(form([['code', 'A'.repeat(41) + 'B']])).typed
    expect(typed).toBe('A'.repeat(40))
  })
})
