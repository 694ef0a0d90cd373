/** One file of a report: a path relative to the report folder, and its text. */
export interface ReportFile {
  readonly path: string;
  readonly content: string;
}
