'use client';
/** Level of detail: zoomed out past LOW_DETAIL_ZOOM, tables draw as name boxes and edges as straight lines. */
import { createContext, useContext } from 'react';

export const LOW_DETAIL_ZOOM = 0.45;
export const LowDetailContext = createContext(false);
export function useLowDetail(): boolean {
  return useContext(LowDetailContext);
}
