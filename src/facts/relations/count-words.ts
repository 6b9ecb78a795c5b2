/** Number words a limit is written with ("two units", "dos veces"). */
export const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  una: 1,
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
};

/** A count written as digits or a number word; 0 when it is neither. */
export function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (numberWords[word.toLowerCase()] ?? 0);
}
