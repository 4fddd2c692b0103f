'use client';
/** The current findings, for messages beside fields. */
import { createContext, useContext } from 'react';
import type { LocatableFinding } from '@/lib/editor/findings';

export const FindingsContext = createContext<readonly LocatableFinding[]>([]);
export function useFindings(): readonly LocatableFinding[] {
  return useContext(FindingsContext);
}
