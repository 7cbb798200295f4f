import { describe, expect, it } from 'vitest'
import { classifyEntry } from '../../src/shared/handEntry'
import { splitScan } from '../../src/main/core/scanning/splitScan'

/** Key times for `n` characters `gap` ms apart (with an optional pause after character `pauseAt`). */
const keys = (n: number, gap: number, pause?: { at: number; ms: number }) => {
  const out: number[] = []
  let t = 1000
  for (let i = 0; i < n; i++) {
    out.push(t)
    t += gap + (pause && i === pause.at ? pause.ms : 0)
  }
  return out
}

describe('hand entry told by keystroke timing', () => {
  it.each([
    ['a scanner at 4 ms per character', keys(15, 4), 15, 'scanned'],
    ['a fast scanner at 1 ms', keys(15, 1), 15, 'scanned'],
    ['a slow scanner at 30 ms', keys(15, 30), 15, 'scanned'],
    ['a person at 120 ms per key', keys(15, 120), 15, 'typed'],
    ['a fast typist at 60 ms', keys(15, 60), 15, 'typed'],
    ['scanner speed but one long pause (a person copying quickly)', keys(15, 5, { at: 7, ms: 400 }), 15, 'typed'],
    ['pasted: characters without key presses', [], 15, 'typed'],
    ['fewer keys than characters (part pasted)', keys(5, 4), 15, 'typed'],
    ['a single character', [1000], 1, 'typed']
  ] as const)('%s → %s', (_name, stamps, length, expected) => {
    expect(classifyEntry(stamps, length)).toBe(expected)
  })
})

describe('multi-serial codes are split', () => {
  it.each([
    ['one serial with the scanner suffix', '353916110000014\r\n', ['353916110000014']],
    ['newline separated', 'A1\nA2\nA3', ['A1', 'A2', 'A3']],
    ['comma and semicolon', 'A1,A2;A3', ['A1', 'A2', 'A3']],
    ['GS separated (a GS1 DataMatrix)', 'A1\u001dA2', ['A1', 'A2']],
    ['blank parts dropped', '\n,A1,,\n;A2;', ['A1', 'A2']],
    ['AIM prefix and spaces cleaned in every part', ']d2 A1 \n A2 ', ['A1', 'A2']]
  ])('%s', (_name, raw, parts) => {
    expect(splitScan(raw)).toEqual(parts)
  })
})
