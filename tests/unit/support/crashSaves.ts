/**
 * What the crash tests' writers save, made from a prefix and a round number
 * alone, so the test knows each save from the writer's one-line report. Each
 * carries a token found nowhere else, to look it up by search.
 */
export interface CrashSave {
  kind: 'note' | 'source';
  title: string;
  /** A note's whole text, or a paragraph the imported source's text must hold unchanged. */
  text: string;
  token: string;
}

export interface ImportFile {
  fileName: string;
  content: string;
  save: CrashSave;
}

/** Letters and digits only: one search term for the tokenizer. */
export function tokenOf(prefix: string, round: number, part: number | string = 0): string {
  return `tok${prefix}r${round}p${part}`.replace(/[^a-z0-9]/gi, '');
}

export function noteSave(prefix: string, round: number, edit = 0): CrashSave {
  const token = tokenOf(prefix, round, `n${edit}`);
  return {
    kind: 'note',
    title: `Note ${prefix} ${round}${edit > 0 ? ` (edit ${edit})` : ''}`,
    text: `Findings ${token}: café — گزارش شماره ${round}.\nSecond line, edit ${edit}.`,
    token,
  };
}

/** A plain-text file, a Markdown file and a web page, each with its own words. */
export function importBatchFiles(prefix: string, round: number): ImportFile[] {
  const made = (part: number, title: string) => {
    const token = tokenOf(prefix, round, part);
    const text = `Paragraph ${token} of round ${round}: évidence, دليل, 証拠 and more words to read.`;
    return { kind: 'source' as const, title, text, token };
  };
  const plain = made(1, `Plain ${prefix} ${round}`);
  const markdown = made(2, `Markdown ${prefix} ${round}`);
  const page = made(3, `Page ${prefix} ${round}`);
  return [
    { fileName: 'plain.txt', content: `${plain.title}\n\n${plain.text}\n`, save: plain },
    { fileName: 'notes.md', content: `# ${markdown.title}\n\n${markdown.text}\n`, save: markdown },
    {
      fileName: 'page.html',
      content:
        `<!doctype html><html><head><meta charset="utf-8"><title>${page.title}</title></head>` +
        `<body><article><h1>${page.title}</h1><p>${page.text}</p></article></body></html>`,
      save: page,
    },
  ];
}
