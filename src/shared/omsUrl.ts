// Which OMS addresses the station may send its bearer token to (SPEC §7,
// security): https, or plain http only on this PC's loopback; no user name
// or password in the address; never a link-local or cloud-metadata address,
// where a token would be handed to whatever answers there.

const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.azure.internal', 'instance-data', '100.100.100.200'])

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
const isLinkLocal = (host: string) =>
  /^169\.254\.\d{1,3}\.\d{1,3}$/.test(host) || /^\[fe[89ab][0-9a-f]?:/i.test(host) || /^\[fd00:ec2::/i.test(host)

/** Why `value` may not be the OMS address, in words; null when it may. */
export function omsUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'The OMS address must be a full address, e.g. https://oms.example.com'
  }
  const host = url.hostname.toLowerCase()
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The OMS address must start with https://'
  if (url.username || url.password) return 'The OMS address must not hold a user name or password: enter the token in the Token field'
  if (host === '0.0.0.0' || host === '[::]') return 'The OMS address cannot be 0.0.0.0: enter the OMS server’s name'
  if (isLinkLocal(host) || METADATA_HOSTS.has(host)) return `The OMS address cannot be ${host} (a link-local or cloud-metadata address)`
  if (url.protocol === 'http:' && !isLoopback(host)) {
    return 'The OMS address must start with https:// (plain http:// would send the token in clear; it is allowed only for this PC, 127.0.0.1)'
  }
  return null
}

/** The origin a token is bound to: scheme, host and port of the OMS address. */
export const omsOrigin = (value: string): string => new URL(value).origin
