import type { PointerEvent } from 'react';
import { useRef } from 'react';

/**
 * Drag to pan a scrollable box with a mouse or pen. Touch screens pan it natively (the
 * box scrolls), so touch pointers are left alone.
 */
export function usePan() {
  const start = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  return {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.pointerType === 'touch') return;
      const box = e.currentTarget;
      start.current = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
      box.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const s = start.current;
      if (!s) return;
      e.currentTarget.scrollLeft = s.left - (e.clientX - s.x);
      e.currentTarget.scrollTop = s.top - (e.clientY - s.y);
    },
    onPointerUp: () => {
      start.current = null;
    },
  };
}
