/** The PDF document model: a report is a title, cover lines and a list of blocks, rendered by `renderPdf`. */

export interface PdfTableColumn {
  readonly header: string;
  /** Relative width: the columns share the page width in proportion. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface ChartSeries {
  readonly name: string;
  /** `#rrggbb`. */
  readonly color: string;
}

export type PdfBlock =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3;
      readonly text: string;
      /** Start on a new page (level 1 chapters). */
      readonly newPage?: boolean;
    }
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'normal' | 'muted' | 'small' }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'keyValues'; readonly items: readonly { readonly label: string; readonly value: string }[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly PdfTableColumn[];
      readonly rows: readonly (readonly string[])[];
      readonly caption?: string;
    }
  | {
      readonly kind: 'barChart';
      readonly title: string;
      readonly bars: readonly { readonly label: string; readonly value: number; readonly color?: string }[];
      /** Appended to value labels, e.g. " %". */
      readonly unit?: string;
    }
  | {
      readonly kind: 'stackedBarChart';
      readonly title: string;
      readonly series: readonly ChartSeries[];
      /** One bar per category; `values[i]` belongs to `series[i]`. */
      readonly categories: readonly { readonly label: string; readonly values: readonly number[] }[];
      /** Draw every bar as 100 % (shares) instead of on a common count axis. */
      readonly normalise?: boolean;
    }
  | {
      readonly kind: 'lineChart';
      readonly title: string;
      readonly xLabels: readonly string[];
      readonly series: readonly (ChartSeries & { readonly values: readonly (number | null)[] })[];
      readonly yMax?: number;
      readonly unit?: string;
    }
  | { readonly kind: 'pageBreak' };

export interface PdfDocumentSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly author?: string;
  readonly subject?: string;
  /** BCP 47 language of the text (default nb-NO). */
  readonly lang?: string;
  /** Creation time written into the file (pass it: the clock is not read here). */
  readonly createdAt: Date;
  /** Lines under the title on the cover page (dates, edition, content hash …). */
  readonly coverLines?: readonly string[];
  /** Title of the table of contents, or null for none (default "Innhold"). */
  readonly tocTitle?: string | null;
  /** Footer page label (default "Side X av Y"). */
  readonly pageLabel?: (page: number, total: number) => string;
  /** Text at the left of every footer (e.g. the report's title and date). */
  readonly footerText?: string;
  readonly blocks: readonly PdfBlock[];
  /** Compress content streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean;
}

export interface PdfRenderResult {
  readonly buffer: Buffer;
  readonly pageCount: number;
  /** The headings in the table of contents, with the (1-based) page each starts on. */
  readonly contents: readonly { readonly level: number; readonly text: string; readonly page: number }[];
}
