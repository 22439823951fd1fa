import { useRef, useState } from 'react';

/** One clerk action at a time: which is running, and how the last one failed. */
export function useAction(onError: (error: unknown) => void) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  // A ref as well as state: a double tap lands before React re-renders the disabled button.
  const busy = useRef(false);

  /** Runs `work` unless another action is running; resolves true when it succeeded. */
  async function run(name: string, work: () => Promise<unknown>): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    setPending(name);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (err) {
      setError(err);
      onError(err);
      return false;
    } finally {
      busy.current = false;
      setPending(null);
    }
  }

  return { pending, error, run, clearError: () => setError(undefined) };
}
