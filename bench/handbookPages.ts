/** Pages of the Debian Handbook in scripts that need folding or segmentation, when installed. */
import fs from 'node:fs';
import path from 'node:path';
import { htmlToRoughText } from '../tests/unit/support/corpusPages';

const handbookDir = '/usr/share/doc/debian-handbook/html';
const languages = ['ar-MA', 'fa-IR', 'zh-CN', 'ja-JP'];
const PAGES_PER_LANGUAGE = 30;

export function loadHandbookPages(): Array<{ title: string; body: string }> {
  if (!fs.existsSync(handbookDir)) return [];
  return languages.flatMap((language) => {
    const dir = path.join(handbookDir, language);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .sort()
      .slice(0, PAGES_PER_LANGUAGE)
      .map((name) => ({
        title: `${language} ${name}`,
        body: htmlToRoughText(fs.readFileSync(path.join(dir, name), 'utf8')),
      }));
  });
}
