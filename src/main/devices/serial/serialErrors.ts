// What an operator reads when a serial port cannot be opened or fails:
// the reason in plain words and what to do about it on this platform.
import { UDEV_RULE_FILE } from '../udev'

export function describeSerialError(error: unknown, where: string, platform: NodeJS.Platform = process.platform): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/permission denied|EACCES/i.test(message)) {
    return platform === 'linux'
      ? `Permission denied on ${where}. Add this user to the dialout group (sudo usermod -aG dialout $USER, then log out and in) or install the udev rule ${UDEV_RULE_FILE}. Retrying.`
      : `Permission denied on ${where}. Ask IT to give this user access to the port. Retrying.`
  }
  if (/access denied/i.test(message)) {
    return `${where} is in use by another program (Access denied). Close the other program that holds the port (a terminal, a vendor tool). Retrying.`
  }
  if (/cannot lock port|resource temporarily unavailable|busy/i.test(message)) {
    return `${where} is in use by another program. Close it (or the other station using this scanner). Retrying.`
  }
  if (/no such file|ENOENT|file not found|cannot find/i.test(message))
    return `${where} is gone. Waiting for the scanner to be plugged in again.`
  return `Cannot use ${where}: ${message.replace(/^Error:?\s*/, '')}. Retrying.`
}
