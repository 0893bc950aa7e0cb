/**
 * Where the shared material lives: `../shared` beside the project (also in CI).
 * Tests and benchmarks that need it skip, saying so, when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** A real news article in the plain-text shape analysts paste. */
export const sampleArticleFile = path.join(sharedDir, 'samples', '000_408b81a06b3b0292.txt');
export const hasSampleArticle = fs.existsSync(sampleArticleFile);

/** Mozilla Readability's test pages. */
export const corpusDir = path.join(sharedDir, 'corpus', 'readability-pages');
export const hasCorpus = fs.existsSync(corpusDir);
