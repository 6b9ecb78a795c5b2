/**
 * A section that runs one caller at a time, in arrival order (a mutex for one process's async
 * work). A failure ends only its own turn.
 */
export function serialSection(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const turn = tail.then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
}
