import type { CentreForm } from '../centre-form';

/** What each section of the centre form is given by the editor. */
export interface SectionProps {
  form: CentreForm;
  set: (patch: Partial<CentreForm>) => void;
  /** Read-only users, or a save under way. */
  disabled: boolean;
}
