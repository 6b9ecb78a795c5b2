/** Where the background load of the starter library stands (shown by /health/ready and the web app). */
export interface StarterLibraryStatus {
  state: 'idle' | 'loading' | 'done' | 'failed';
  done: number;
  total: number;
}

/**
 * The starter library's progress as one mutable record: the server's background load writes it,
 * the readiness probe reads it. 'idle' until a load starts (and for a library that needs none
 * it goes straight to 'done').
 */
export class StarterLibraryProgress {
  private current: StarterLibraryStatus = { state: 'idle', done: 0, total: 0 };

  get status(): StarterLibraryStatus {
    return { ...this.current };
  }

  advance(done: number, total: number): void {
    this.current = { state: 'loading', done, total };
  }

  finish(): void {
    this.current = { ...this.current, state: 'done' };
  }

  fail(): void {
    this.current = { ...this.current, state: 'failed' };
  }
}
