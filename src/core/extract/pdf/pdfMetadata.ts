/** What a PDF says about itself, checked before Dossier believes it. */

/** Prefixes office programs put before the file name when they print to PDF. */
const PROGRAM_PREFIX = /^(?:microsoft\s+)?(?:word|powerpoint|excel|visio|publisher)\s+-\s+/i;
const PLACEHOLDER =
  /^(?:untitled(?:\s+document)?|document\d*|title|none|null|unknown|slide\s*\d*|about:\w+)$/i;
/** A file name or path rather than a title: report.docx, C:\work\draft, /tmp/x.tex. */
const FILE_NAME =
  /^\S*\.(?:pdf|docx?|odt|rtf|html?|xhtml|txt|md|tex|dvi|ps|eps|ai|indd|qxd|pages|pptx?|xlsx?|png|jpe?g|tiff?)$|^\S*[\\/]\S*$/i;

/** The document's /Title when it names the document, not the program or the file it was made from. */
export function meaningfulTitle(title: string | null): string | null {
  const cleaned = title?.replace(/\s+/g, ' ').trim().replace(PROGRAM_PREFIX, '') ?? '';
  if (!/\p{L}/u.test(cleaned)) return null;
  if (
    PLACEHOLDER.test(cleaned) ||
    FILE_NAME.test(cleaned) ||
    /^[a-z][\w+.-]*:\/\//i.test(cleaned)
  ) {
    return null;
  }
  return cleaned;
}

/** A PDF date (`D:20240315093000+01'00'`, any part after the year may be missing) as ISO 8601. */
export function pdfDateToIso(value: string | null): string | null {
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      value?.trim() ?? '',
    );
  if (!match) return null;
  const [
    ,
    year,
    month,
    day,
    hour,
    minute = '00',
    second = '00',
    utc,
    sign,
    offsetHours,
    offsetMinutes = '00',
  ] = match;
  const inRange = (text: string, low: number, high: number) =>
    Number(text) >= low && Number(text) <= high;
  if (month === undefined || !inRange(month, 1, 12)) return year!;
  if (day === undefined || !inRange(day, 1, 31)) return `${year}-${month}`;
  const date = `${year}-${month}-${day}`;
  if (
    hour === undefined ||
    !inRange(hour, 0, 23) ||
    !inRange(minute, 0, 59) ||
    !inRange(second, 0, 59)
  ) {
    return date;
  }
  const zone = utc ? 'Z' : sign ? `${sign}${offsetHours}:${offsetMinutes}` : '';
  return `${date}T${hour}:${minute}:${second}${zone}`;
}

/** The catalog's /Lang when it is a language tag. */
export function languageTag(lang: string | null): string | null {
  const tag = lang?.trim() ?? '';
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}
