import { useEffect, useState } from 'react';

/**
 * False while a component renders for the first time, true once that render is on screen. A lazy part rendered only
 * when this is true is requested after the page first paints rather than during its first render: React starts a
 * lazy import while rendering, and batches the reveal of what was suspended, so a lazy field rendered at once is
 * fetched ahead of the very page it was meant to follow.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
