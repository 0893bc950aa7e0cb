/**
 * Reading elements the way lists, tables and images all need: numeric
 * attributes strictly (a page may write anything in them), and an element's
 * own children without those of its descendants.
 */

/** An attribute holding a whole number of at most nine digits, else null. */
export function integerAttribute(element: Element, name: string): number | null {
  const value = element.getAttribute(name);
  if (value === null || !/^\s*[+-]?\d{1,9}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

export function childElements(element: Element): Element[] {
  return Array.from(element.children);
}
