import { describe, expect, it } from 'vitest'
import { chooseSample, fnv1a, parseSampleRequest, sampleSize } from './coding-sample'

const items = Array.from({ length: 340 }, (_, i) => `answer:${i + 1}`)

describe('parseSampleRequest', () => {
  it('reads a percentage or a number of items', () => {
    expect(parseSampleRequest('10%')).toEqual({ kind: 'percent', value: 10 })
    expect(parseSampleRequest(' 25 % ')).toEqual({ kind: 'percent', value: 25 })
    expect(parseSampleRequest('30')).toEqual({ kind: 'count', value: 30 })
  })

  it('refuses anything else', () => {
    for (const bad of ['', '0', '0%', '101%', '1001', '-5', '5.5', 'ten', '10%%']) expect(parseSampleRequest(bad), bad).toBeNull()
  })
})

describe('sampleSize', () => {
  it('rounds a percentage up and never asks for more than there are', () => {
    expect(sampleSize({ kind: 'percent', value: 10 }, 340)).toBe(34)
    expect(sampleSize({ kind: 'percent', value: 10 }, 5)).toBe(1)
    expect(sampleSize({ kind: 'count', value: 50 }, 20)).toBe(20)
    expect(sampleSize({ kind: 'percent', value: 10 }, 0)).toBe(0)
  })
})

describe('chooseSample', () => {
  it('takes the size asked for, from the items given, without repeats', () => {
    const sample = chooseSample(items, { kind: 'percent', value: 10 }, 'seed-1')
    expect(sample).toHaveLength(34)
    expect(new Set(sample).size).toBe(34)
    for (const key of sample) expect(items).toContain(key)
  })

  it('is reproducible: the same seed and items give the same sample, in any order', () => {
    const first = chooseSample(items, { kind: 'count', value: 20 }, 'seed-1')
    const shuffled = [...items].reverse()
    expect(chooseSample(shuffled, { kind: 'count', value: 20 }, 'seed-1').sort()).toEqual([...first].sort())
    expect(chooseSample(items, { kind: 'count', value: 20 }, 'seed-1')).toEqual(first)
  })

  it('differs with another seed', () => {
    const first = chooseSample(items, { kind: 'count', value: 20 }, 'seed-1')
    const second = chooseSample(items, { kind: 'count', value: 20 }, 'seed-2')
    expect(second).not.toEqual(first)
  })

  it('is spread over the items rather than the first ones', () => {
    const sample = chooseSample(items, { kind: 'count', value: 34 }, 'seed-1')
    const numbers = sample.map((k) => Number(k.split(':')[1]))
    expect(Math.max(...numbers)).toBeGreaterThan(170)
    expect(Math.min(...numbers)).toBeLessThan(170)
  })
})

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    // Test vectors from the FNV reference: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })
})
