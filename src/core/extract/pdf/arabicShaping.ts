/**
 * Arabic-script text out of a PDF often comes as presentation forms: the
 * shaped glyph of a letter (initial, medial, final, isolated) rather than the
 * letter. Those shapes still tell where the writer broke a joining with a
 * zero-width non-joiner (Persian می‌خواهم, کتاب‌ها), which the glyphs
 * themselves no longer carry; this puts the ZWNJ back, then turns the shapes
 * into plain letters.
 */

type Form = 'isolated' | 'final' | 'initial' | 'medial';

interface Shape {
  letter: string;
  form: Form;
}

const ZWNJ = '\u200c';
/** Forms in the order Unicode lists each letter's shapes. */
const FORM_ORDER: readonly Form[] = ['isolated', 'final', 'initial', 'medial'];
/** Uighur alef maksura's initial and medial forms break the pattern; left out. */
const IRREGULAR = new Set([0xfbe8, 0xfbe9]);
const PRESENTATION_FORM = /[\ufb00-\ufdff\ufe70-\ufefe]/gu;
const ARABIC_SHAPE = /[\ufb50-\ufdff\ufe70-\ufefe]/u;
/** Share of a text's Arabic letters that must come as shapes for the shapes to be read. */
const SHAPED_SHARE = 0.3;

let shapeTable: { shapes: Map<string, Shape>; dualJoining: Set<string> } | undefined;

/**
 * Each letter's forms follow each other in the presentation-form blocks
 * (isolated, final, then initial and medial for letters that join on both
 * sides), so the table is read off Unicode's own decompositions.
 */
function shapesOfLetters() {
  if (shapeTable) return shapeTable;
  const shapes = new Map<string, Shape>();
  const dualJoining = new Set<string>();
  for (const [first, last] of [
    [0xfb50, 0xfbff],
    [0xfe80, 0xfefc],
  ] as const) {
    let group: string[] = [];
    let letter = '';
    const close = () => {
      group.forEach((char, index) => shapes.set(char, { letter, form: FORM_ORDER[index]! }));
      if (group.length >= 3 && [...letter].length === 1) dualJoining.add(letter);
      group = [];
    };
    for (let code = first; code <= last; code++) {
      const char = String.fromCodePoint(code);
      const base = char.normalize('NFKC');
      if (base === char || IRREGULAR.has(code)) continue;
      if (base !== letter || group.length === FORM_ORDER.length) close();
      letter = base;
      group.push(char);
    }
    close();
  }
  shapeTable = { shapes, dualJoining };
  return shapeTable;
}

/**
 * Puts a ZWNJ between two letters of a word that the glyphs show unjoined
 * although the first could join the second. Only in text that mostly comes as
 * shapes: there a plain letter stands for the glyph a font maps the letter to
 * by default, its isolated shape. (Text of plain letters, or one where only a
 * ligature comes as a shape, says nothing about joining and is left alone.)
 */
export function restoreNonJoiners(text: string): string {
  if (!ARABIC_SHAPE.test(text)) return text;
  const { shapes, dualJoining } = shapesOfLetters();
  const chars = [...text];
  const letters = chars.filter(isArabicLetter);
  const shaped = letters.filter((char) => shapes.has(char));
  const joined = shaped.some((char) => shapes.get(char)!.form !== 'isolated');
  if (!joined || shaped.length < SHAPED_SHARE * letters.length) return text;

  let out = '';
  let previous: string | null = null;
  for (const char of chars) {
    if (/\p{M}/u.test(char)) {
      out += char;
      continue;
    }
    const letter = isArabicLetter(char);
    if (letter && previous !== null && breaksJoining(previous, char, shapes, dualJoining)) {
      out += ZWNJ;
    }
    out += char;
    previous = letter ? char : null;
  }
  return out;
}

function isArabicLetter(char: string): boolean {
  return /\p{Script=Arabic}/u.test(char) && /\p{L}/u.test(char);
}

/** The first letter's shape says whether it joins the next; if it has none, the second's shape says. */
function breaksJoining(
  first: string,
  second: string,
  shapes: Map<string, Shape>,
  dualJoining: Set<string>,
): boolean {
  const firstShape = shapes.get(first);
  if (!dualJoining.has(firstShape?.letter ?? first)) return false;
  if (firstShape) return firstShape.form === 'isolated' || firstShape.form === 'final';
  const secondForm = shapes.get(second)?.form ?? 'isolated';
  return secondForm === 'isolated' || secondForm === 'initial';
}

/** Presentation forms (Arabic shapes, Latin ligatures such as ﬁ) as the letters they stand for. */
export function normalizePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORM, (char) =>
    // A vowel sign's isolated form decomposes to a space and the sign: keep the sign.
    char.normalize('NFKC').replace(/^ (?=\p{M})/u, ''),
  );
}
