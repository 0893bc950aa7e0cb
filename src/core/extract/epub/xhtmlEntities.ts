import { parseHTML } from 'linkedom';

/** The only named references XML itself defines. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const NAMED_REFERENCE = /&([A-Za-z][A-Za-z0-9]{0,31});/g;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Replaces HTML's named character references (`&nbsp;`, `&eacute;`…), which
 * XHTML books may use through their DTD but an XML parser does not know, with
 * the characters they stand for. The names are looked up all at once by
 * linkedom's HTML parser; a name HTML does not know either is left as it is.
 */
export function decodeHtmlEntities(xhtml: string): string {
  const names = new Set<string>();
  for (const [, name] of xhtml.matchAll(NAMED_REFERENCE)) {
    if (!XML_ENTITIES.has(name!)) names.add(name!);
  }
  if (names.size === 0) return xhtml;
  const list = [...names];
  const probes = list.map((name) => `<i>&${name};</i>`).join('');
  const { document } = parseHTML(`<!doctype html><html><body>${probes}</body></html>`);
  const decoded = new Map(
    list.map((name, index) => [name, document.body.children[index]?.textContent ?? '']),
  );
  return xhtml.replace(NAMED_REFERENCE, (reference, name: string) => {
    const text = decoded.get(name);
    if (!text || text === reference) return reference;
    // Escaped again, so a reference to "<" or a quote cannot change the markup around it.
    return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
  });
}
