/**
 * The PDF worker thread: runs pdfjs away from the main thread. pdfjs 5 prefetches page
 * dictionaries without handling their failures, so a damaged page tree can leave an unhandled
 * rejection behind even when the document reads fine; here it only reaches this thread's
 * handler instead of ending the server. A hang or a memory blow-up ends this thread only.
 */
import { parentPort } from 'node:worker_threads';
import { CodecardError } from '../../errors/codecard-error.ts';
import { extractPdf } from './pdf-extract.ts';
import { describeError } from './parser-guard.ts';
import type { PdfJob, PdfJobResult } from './pdf.parser.ts';

process.on('unhandledRejection', () => {
  // pdfjs leftovers: the job that caused them has already settled on its own.
});

parentPort?.on('message', (job: PdfJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});

async function run(job: PdfJob): Promise<PdfJobResult> {
  try {
    const document = await extractPdf({ fileName: job.fileName, bytes: Buffer.from(job.bytes) });
    return { id: job.id, ok: true, document };
  } catch (error) {
    const failure =
      error instanceof CodecardError
        ? { code: error.code, params: error.params }
        : {
            code: 'PARSE_FAILED' as const,
            params: { file: job.fileName, detail: describeError(error), where: '' },
          };
    return { id: job.id, ok: false, error: failure };
  }
}
