// A scan answer's code and values worded in the screen's language (catalogue namespace `scan`): an order
// status and a dispatch time are worded too, and a refusal of one part of a multi-serial code names the part.
import type { TFunction } from 'i18next'
import type { ScanCode, ScanParams } from '../../../shared/scanWords'

export function wordScan(t: TFunction, code: ScanCode, params: ScanParams): string {
  const values: Record<string, string | number> = { ...params }
  if (typeof params.status === 'string') values.status = t(`common:status.${params.status}`)
  if (typeof params.dispatchAfter === 'string') values.dispatchAfter = t('common:dateTime', { at: params.dispatchAfter })
  const sentence = t(`scan:answer.${code}`, values)
  if (params.partName !== undefined && params.partValue !== undefined)
    return t('scan:part.namedValue', { name: params.partName, value: params.partValue, sentence })
  if (params.partName !== undefined) return t('scan:part.named', { name: params.partName, sentence })
  if (params.partIndex !== undefined) return t('scan:part.numbered', { index: params.partIndex, count: params.partCount, sentence })
  return sentence
}
