'use client';
/** The current findings indexed by `<object id>:<field>`, for messages beside fields. */
import { createContext, useContext } from 'react';
import type { LocatableFinding } from '@/lib/editor/findings';

export const FindingsContext = createContext<ReadonlyMap<string, readonly LocatableFinding[]>>(new Map());
export function useFieldFindings(objectId: string, field: string): readonly LocatableFinding[] {
  return useContext(FindingsContext).get(`${objectId}:${field}`) ?? [];
}
