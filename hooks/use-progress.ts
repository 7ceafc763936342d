import { useCallback, useEffect, useState } from 'react';
import type { GuideProgress } from '../core/messaging/responses';
import { useSend } from './send-context';

/**
 * The local progress of one guide (resume, notes, history), read from the background.
 * `reload` reads it again after a change (a note saved or deleted, data imported).
 * A failure leaves `progress` null: the pages still work without the history.
 */
export function useGuideProgress(guideId: string | null, refreshKey: unknown = 0) {
  const send = useSend();
  const [read, setRead] = useState<{ guideId: string; progress: GuideProgress | null } | null>(
    null,
  );
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!guideId) return;
    let live = true;
    send('progress:guide', { guideId })
      .then((progress) => live && setRead({ guideId, progress }))
      .catch(() => live && setRead({ guideId, progress: null }));
    return () => {
      live = false;
    };
  }, [send, guideId, refreshKey, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // What was read for another guide is never shown for this one.
  const progress = guideId && read?.guideId === guideId ? read.progress : null;
  return { progress, reload };
}
