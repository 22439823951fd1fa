/** A counter or service a device can be set to, with its label in the current language. */
export type Choice = { id: number; label: string };
