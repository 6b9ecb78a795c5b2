/**
 * Wraps a generator factory so `records` can be iterated more than once (a caller may count,
 * then import) while every pass still streams lazily instead of building an array.
 */
export function reiterable<T>(make: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}
