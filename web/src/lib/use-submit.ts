import { useCallback, useState } from 'react';

export interface Submission {
  busy: boolean;
  error: unknown;
  /** The last success message, for a polite live region. */
  done: string;
  run: (work: () => Promise<void>, success: string) => Promise<void>;
}

/** The busy / error / saved cycle every settings form goes through. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = useCallback(async (work: () => Promise<void>, success: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await work();
      setDone(success);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run };
}
