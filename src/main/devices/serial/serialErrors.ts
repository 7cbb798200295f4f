// What an operator reads when a serial port cannot be opened or fails:
// the reason in plain words and what to do about it on this platform.
import type { Words } from '../../../shared/words'
import { UDEV_RULE_FILE } from '../udev'

/** The sentence as catalogue words (`scanners:device.serial*`). */
export function describeSerialError(error: unknown, where: string, platform: NodeJS.Platform = process.platform): Words {
  const message = error instanceof Error ? error.message : String(error)
  if (/permission denied|EACCES/i.test(message)) {
    return platform === 'linux'
      ? { key: 'scanners:device.serialPermissionLinux', params: { where, rule: UDEV_RULE_FILE } }
      : { key: 'scanners:device.serialPermission', params: { where } }
  }
  if (/access denied/i.test(message)) return { key: 'scanners:device.serialAccessDenied', params: { where } }
  if (/cannot lock port|resource temporarily unavailable|busy/i.test(message))
    return { key: 'scanners:device.serialBusy', params: { where } }
  if (/no such file|ENOENT|file not found|cannot find/i.test(message)) return { key: 'scanners:device.serialGone', params: { where } }
  return { key: 'scanners:device.serialFailed', params: { where, error: message.replace(/^Error:?\s*/, '') } }
}
