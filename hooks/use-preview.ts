import { useEffect, useState } from 'react';
import type { Guide } from '../core/guides/model';
import type { Send } from '../core/messaging/client';

/**
 * The guide an author is trying on the tab (authoring page → « Essayer »): it is not among the
 * bundled guides, so the panel asks the background for it. Asked again at each start or move
 * (`seq`), since the author may have changed the text and run it again under the same id.
 */
export function usePreviewGuide(send: Send, guideId: string | null, seq: number | undefined) {
  const [preview, setPreview] = useState<Guide | null>(null);
  useEffect(() => {
    if (!guideId) return;
    let live = true;
    send('guide:preview', { guideId })
      .then((g) => live && setPreview(g))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [send, guideId, seq]);
  return guideId && preview?.id === guideId ? preview : undefined;
}
