// DNS rebinding defence for the browser host: a page on evil.example whose
// name is made to resolve to 127.0.0.1 reaches our socket with its own name in
// Host and Origin. So we answer only requests addressed to a loopback name on
// our port, and accept WebSockets only from pages we served under such a name,
// never comparing a request with itself.

/** The only `host:port` values a request may carry in its Host header. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
}

/** Host names are case-insensitive; anything else must match exactly. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase())
}

/** A missing Origin is refused: every browser sends one on a WebSocket upgrade. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`)
}
