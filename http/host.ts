/**
 * The origin of the Request URL. `Host` is client-controlled (an ALB passes on whatever the client
 * sent), so it is used only when it is a plain `host[:port]` (RFC 3986, section 3.2.2): nothing in
 * it can end the authority and start a path, query or fragment (`/`, `?`, `#`, `\`, `@`, spaces).
 */

// IP-literal (IPv6), or a reg-name / IPv4 address: unreserved, sub-delims and %-escapes; then an optional port.
const HOST_AND_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(?::(\d{1,5}))?$/;

/** What the URL gets when neither `Host` nor `requestContext.domainName` is a usable host. */
export const FALLBACK_HOST = "localhost";

/** `value` when it is a `host[:port]` with a port of at most 65535, else undefined. */
export function checkedHost(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = HOST_AND_PORT.exec(value);
  if (match === null) return undefined;
  const port = match[1];
  return port === undefined || Number(port) <= 65535 ? value : undefined;
}

/** The scheme the client used: an ALB may forward plain http. `forwardedProto` is the `X-Forwarded-Proto` header. */
export const schemeOf = (forwardedProto: string | null): string => (forwardedProto === "http" ? "http://" : "https://");

/** `https://host`: the scheme, and the first usable of the `Host` header and the source's domain name. */
export function originOf(scheme: string, host: string | null, domainName: string | undefined): string {
  return scheme + (checkedHost(host) ?? checkedHost(domainName) ?? FALLBACK_HOST);
}

/**
 * For a `Host` that passes the RFC 3986 check but that the URL parser still refuses (an IPv4
 * address out of range, a bad IDN): the source's domain name, then the fixed fallback.
 */
export function fallbackOrigins(scheme: string, domainName: string | undefined): string[] {
  const domain = checkedHost(domainName);
  return [...(domain === undefined ? [] : [scheme + domain]), scheme + FALLBACK_HOST];
}
