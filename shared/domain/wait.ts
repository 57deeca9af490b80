const MINUTE = 60_000;

/** A wait in its best unit: "45 min", "3 h 05 min", "2 d 4 h", "66 d" (the same abbreviations in both languages). */
export function formatWait(ms: number, number: (value: number) => string): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${number(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${number(hours)} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return days < 10 ? `${number(days)} d ${number(hours % 24)} h` : `${number(days)} d`;
}
