import { useEffect, useState } from 'react';

// A touch screen is the sign of a phone or tablet, which can place a call from a link; a
// computer with a mouse cannot, so there the number is shown to be dialled on a phone.
const TOUCH = '(pointer: coarse)';

function matches(): boolean {
  return typeof matchMedia === 'function' && matchMedia(TOUCH).matches;
}

/** Whether this device can call a number from a `tel:` link (phones and tablets). */
export function useCanCall(): boolean {
  const [can, setCan] = useState(matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(TOUCH);
    const onChange = () => setCan(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, []);
  return can;
}
