import { createContext, useContext, useMemo } from 'react';
import { searchRanges } from '../../../shared/domain/search';

/** What to mark in texts below it: the grid's search, or the rules being written on the Tracking screen. */
export const SearchContext = createContext('');

/** A text with the search's matches marked (<mark>), found as the search finds them. */
export function Highlighted({ text }: { text: string }) {
  const search = useContext(SearchContext);
  const ranges = useMemo(() => (search.trim() ? searchRanges(text, search) : []), [text, search]);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
