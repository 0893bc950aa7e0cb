/**
 * The per-launch secret that `dossier serve` prints as `#token=…`. It is kept
 * in sessionStorage (so a reload keeps working) and removed from the address
 * bar so it does not linger in history or get copied along with the URL.
 */
const storageKey = 'dossier.token';

function takeTokenFromFragment(): void {
  const match = /^#token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  sessionStorage.setItem(storageKey, decodeURIComponent(match[1]));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function browserToken(): string | null {
  return sessionStorage.getItem(storageKey);
}

takeTokenFromFragment();
