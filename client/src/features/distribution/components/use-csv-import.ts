import type { AttributeType } from '@pulse/shared/schemas/contacts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';

import { sendInteractions } from '../api/send-interactions';
import { importCsv, type ImportProgress } from '../lib/csv-import';

/** FNV-1a over the file's name, size and date: the same file imported twice gets the same row keys. */
function fingerprint(file: File): string {
  let hash = 0x811c9dc5;
  for (const ch of `${file.name}|${file.size}|${file.lastModified}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export type ImportRun = { status: 'idle' } | { status: 'running' | 'done'; progress: ImportProgress; file: string };

/** Runs one import at a time in the page and keeps its progress for the view. */
export function useCsvImport() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ImportRun>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async (
    file: File,
    opts: { defaultTouchpoint?: string; attributeTypes: ReadonlyMap<string, AttributeType> },
  ) => {
    const controller = new AbortController();
    abort.current = controller;
    const onProgress = (progress: ImportProgress) => setRun({ status: 'running', progress, file: file.name });
    let progress: ImportProgress | null = null;
    try {
      progress = await importCsv(file, {
        ...opts,
        idempotencyPrefix: `csv-${fingerprint(file)}`,
        send: (batch) => sendInteractions(batch, controller.signal),
        onProgress,
        signal: controller.signal,
      });
    } finally {
      // Whatever ended it, the page leaves the running state and shows what got in.
      abort.current = null;
      const last = progress;
      setRun((run) =>
        last
          ? { status: 'done', progress: last, file: file.name }
          : run.status === 'idle'
            ? run
            : { ...run, status: 'done' },
      );
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    }
  };

  return {
    run,
    start,
    cancel: () => abort.current?.abort(),
    reset: () => setRun({ status: 'idle' }),
  };
}
