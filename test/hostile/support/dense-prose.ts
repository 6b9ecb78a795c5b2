import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../../bench/generate-ptp.ts';

/** Procedure codes the starter library knows, so the mentions are real ones. */
const codes = ['62321', '62323', '64483', '64484', '20610', '99213', '99214', 'J1040', '97110'];

/**
 * Writes sample prose of about `bytes` with a procedure code on every line (authored for
 * tests), in paragraphs of `paragraphLines` lines; every 40th line is a range ("62321-62327").
 * Returns the number of lines, which is about the number of code mentions.
 */
export async function writeDenseProse(
  path: string,
  bytes: number,
  { paragraphLines = 5, seed = 1 } = {},
): Promise<number> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  let written = 0;
  let lines = 0;
  let chunk: string[] = [];
  let chunkSize = 0;
  while (written + chunkSize < bytes) {
    lines++;
    const code = codes[Math.floor(random() * codes.length)]!;
    const ref = 1000 + Math.floor(random() * 9000);
    const line =
      lines % 40 === 0
        ? `Sample note ${ref}: codes 62321-62327 need imaging guidance.`
        : `Sample guidance ${ref}: report ${code} once per session.`;
    const text = lines % paragraphLines === 0 ? `${line}\n\n` : `${line}\n`;
    chunk.push(text);
    chunkSize += text.length;
    if (chunkSize >= 1 << 20) {
      if (!out.write(chunk.join(''))) await once(out, 'drain');
      written += chunkSize;
      chunk = [];
      chunkSize = 0;
    }
  }
  out.write(chunk.join(''));
  out.end();
  await once(out, 'finish');
  return lines;
}
