/** An entry in the main navigation. Each module exports its own entries; App.tsx lists them in order. */
import type { MessageKey } from '../i18n/i18n.js';

export interface NavItem {
  readonly to: string;
  readonly labelKey: MessageKey;
  /** Match the path exactly (for "/"), not as a prefix. */
  readonly end?: boolean;
}
