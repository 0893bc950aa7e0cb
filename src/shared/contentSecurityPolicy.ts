/**
 * The renderer's Content-Security-Policy: no remote code, no eval, no inline
 * scripts, no plugins. Sent as a header by the browser-mode server and by the
 * Electron session; index.html carries the same policy in a meta tag.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
