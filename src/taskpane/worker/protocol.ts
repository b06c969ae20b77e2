/**
 * The analysis worker's messages: data only (structured-cloneable), never functions, so the same
 * jobs run in a Web Worker or, where there is none, on the main thread (client.ts).
 */
import type { EvaluationModel, SheetKind, WorkbookSnapshot } from "../../core";
import type { SummaryPlan } from "../../core/plan";
import type { Lang } from "../i18n";
import type { OtherWorkbooks } from "../others";
import type { PaneSettings } from "../settings";

/** What the pane's choices are: enough to analyse (and plan) a snapshot as the pane shows it. */
export interface PaneJob {
  settings: PaneSettings;
  lang: Lang;
  others: OtherWorkbooks;
}

/** A build's plan: the pane's choices, the run's time and the source name for the run log. */
export interface PlanJob extends PaneJob {
  now: Date;
  fallbackSource?: string;
}

export type WorkerRequest =
  /** Browser mode: an .xlsx file's bytes → its snapshot. */
  | { type: "read"; name: string; bytes: Uint8Array }
  /** Snapshot → the model the pane shows, and the kinds detected without the user's overrides. */
  | { type: "analyze"; snapshot: WorkbookSnapshot; job: PaneJob }
  /** Snapshot → the summary plan. */
  | { type: "plan"; snapshot: WorkbookSnapshot; job: PlanJob }
  /** Browser mode: the plan grafted into the file's bytes. */
  | { type: "graft"; bytes: Uint8Array; plan: SummaryPlan };

export interface Analysis {
  model: EvaluationModel;
  detected: Record<string, SheetKind>;
  /** Last year's workbook, when it read nothing and so was not compared. */
  lastYearUnread: string | null;
}

export interface Grafted {
  bytes: Uint8Array;
  sheetNames: Record<string, string>;
  renamed: { key: string; wanted: string; used: string }[];
  extension?: string;
}

/** Each request's answer, by its type. */
export interface WorkerResults {
  read: WorkbookSnapshot;
  analyze: Analysis;
  plan: SummaryPlan;
  graft: Grafted;
}

/** Where a run is: per sheet read, then per phase. */
export type RunProgress =
  | { phase: "read"; done: number; total: number }
  | { phase: "parse" }
  | { phase: "validate" }
  | { phase: "plan" }
  | { phase: "write"; step: string }
  | { phase: "package" };

/** An error as data: its class name, message and the fields the pane words it by (errors.ts). */
export interface WireError {
  name: string;
  message: string;
  /** HyokaError's / XlsxApplyError's code and detail. */
  code?: string;
  detail?: string;
}

/** Main thread → worker: one job, numbered. */
export interface JobMessage {
  id: number;
  request: WorkerRequest;
}

/** Worker → main thread: progress of a job, then its result or its error. */
export type ReplyMessage =
  | { id: number; type: "progress"; progress: RunProgress }
  | { id: number; type: "result"; result: WorkerResults[keyof WorkerResults] }
  | { id: number; type: "error"; error: WireError };
