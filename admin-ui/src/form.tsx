import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { apiGet } from '@luot/ui-shared/api';
import { centreTimeZone } from '@luot/ui-shared/centre-zone';
import { errorText, useI18n } from '@luot/ui-shared/use-i18n';

interface InputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'children'
> {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

/** One labelled input; the hint is tied to it for screen readers. */
export function Field({ label, testId, value, onChange, hint, ...input }: InputProps) {
  const hintId = hint ? `${testId}-hint` : undefined;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        data-testid={testId}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
      {hint && (
        <small className="field-hint" id={hintId}>
          {hint}
        </small>
      )}
    </label>
  );
}

interface AreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value' | 'children'
> {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text area, for lists edited one item a line. */
export function Area({ label, testId, value, onChange, ...area }: AreaProps) {
  return (
    <label className="field field-wide">
      <span className="field-label">{label}</span>
      <textarea
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={4}
        {...area}
      />
    </label>
  );
}

interface SelectProps {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  disabled?: boolean;
}

/** A labelled drop-down. */
export function Select({ label, testId, value, onChange, options, disabled }: SelectProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface CheckProps {
  label: string;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A labelled check box. */
export function Check({ label, testId, checked, onChange, disabled }: CheckProps) {
  return (
    <label className="field-check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** Why the last request failed, in the page language (the server's code, translated). */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useI18n();
  if (error === undefined) return null;
  return (
    <p className="error-box" role="alert" data-testid={testId}>
      {typeof error === 'string' ? error : errorText(t, error)}
    </p>
  );
}

/** A line confirming what was just done. */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <p className="notice" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

/** Clears the notices of the scopes an action runs in. */
const ClearNotices = createContext<() => void>(() => undefined);

/**
 * Where a page's notice line applies: any action started inside (a child form's submit,
 * a row's button) clears it, and the notices of the scopes around it, so a success
 * line never stands beside the next attempt's error.
 */
export function NoticeScope({
  clear,
  children,
}: {
  clear: (notice: null) => void;
  children: ReactNode;
}) {
  const outer = useContext(ClearNotices);
  const clearAll = useMemo(
    () => () => {
      outer();
      clear(null);
    },
    [outer, clear],
  );
  return <ClearNotices.Provider value={clearAll}>{children}</ClearNotices.Provider>;
}

/**
 * One action at a time (a form's submit, a row's button): pending while it runs, the
 * error it failed with (a thrown string is a local check's message), cleared on the next;
 * starting one clears the notices of its `NoticeScope`s.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const clearNotices = useContext(ClearNotices);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      clearNotices();
      setPending(true);
      setError(undefined);
      try {
        await work();
      } catch (err) {
        setError(err);
      } finally {
        setPending(false);
      }
    },
    [clearNotices],
  );

  const submit = useCallback(
    (work: () => Promise<void>) => (event: FormEvent) => {
      event.preventDefault();
      void run(work);
    },
    [run],
  );

  return { pending, error, run, submit, setError };
}

/**
 * A resource read with `GET`, and a way to read it again after a change; with
 * `refreshMs`, read again that often too (what changes without the admin: devices
 * collecting their token, last-seen times, printer states).
 */
export function useResource<T>(path: string, refreshMs?: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    apiGet<T>(path).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      },
      (err: unknown) => {
        if (current) setError(err);
      },
    );
    return () => {
      current = false;
    };
  }, [path, version]);

  useEffect(() => {
    if (refreshMs === undefined) return;
    const timer = setInterval(() => setVersion((v) => v + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}

/** A moment as the page's language writes a date and time, in the centre's zone once known. */
export function formatMoment(iso: string | null, lang: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    // "09:37:19 05/12/2026": the four-digit year Vietnamese offices write.
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: centreTimeZone(),
  });
}
