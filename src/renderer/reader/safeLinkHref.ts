const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** The link's address when it is http, https or mailto (checked again here, whatever the core kept); else null. */
export function safeLinkHref(href: string): string | null {
  try {
    const url = new URL(href);
    return allowedProtocols.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
