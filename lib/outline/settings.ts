/**
 * Every threshold of the recogniser, in one place. `recognize(doc, settings)`
 * takes a partial override, so the eval can sweep a threshold or switch a
 * recogniser off (`off`) and show the effect per family (`npm run eval`).
 * Lengths are in characters of the block text unless said otherwise.
 */
export interface Settings {
  /** Longest standalone heading; longer bold blocks are emphasised prose. */
  maxHeading: number;
  /** Longest bold run that opens a paragraph as its lead (a phrase or a short claim). */
  maxBoldLead: number;
  /** Shortest bold run that is a lead, not an emphasised word. */
  minBoldLead: number;
  /** Share of a block's letters that must be bold for it to read as a bold line. */
  wholeBold: number;
  /** Shortest and longest unmarked standalone line that may be a subheading. */
  plainHeadingMin: number;
  plainHeadingMax: number;
  /** Longest set-off lead sentence (建设清廉学校。…) and shortest body after it. */
  shortLeadMax: number;
  shortLeadMinBody: number;
  /** Sibling set-off leads: the longest at most this many times the shortest. */
  shortLeadRatio: number;
  /** Parallel openings: members for a short shared opening, and the opening length that needs only two. */
  parallelMinMembers: number;
  parallelLongPrefix: number;
  /** Shortest paragraph that takes part in parallel openings. */
  parallelMinParagraph: number;
  /** Longest lead sentence under a short shared opening, and under any. */
  parallelMaxShortFrameLead: number;
  parallelMaxLead: number;
  /** Other paragraphs that may stand between two parallel ones. */
  parallelMaxGap: number;
  /** Clauses a ；-series needs (two are a contrast). */
  minClauses: number;
  /** Longest inline sub-lead (解放思想。) and how many a paragraph needs. */
  subLeadMax: number;
  minSubLeads: number;
  /** Share of the body, from its end, searched for a conclusion (综上所述…). */
  conclusionZone: number;
  /** Recognisers switched off, by name (see BLOCK_RECOGNISERS, GROUP_RECOGNISERS, INLINE_RECOGNISERS). */
  off: readonly string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  maxHeading: 60,
  maxBoldLead: 40,
  minBoldLead: 2,
  wholeBold: 0.85,
  plainHeadingMin: 4,
  plainHeadingMax: 48,
  shortLeadMax: 40,
  shortLeadMinBody: 15,
  shortLeadRatio: 2.5,
  parallelMinMembers: 3,
  parallelLongPrefix: 5,
  parallelMinParagraph: 30,
  parallelMaxShortFrameLead: 50,
  parallelMaxLead: 110,
  parallelMaxGap: 2,
  minClauses: 3,
  subLeadMax: 8,
  minSubLeads: 3,
  conclusionZone: 0.4,
  off: Object.freeze([]) as readonly string[],
});

/** The settings with `over` applied. */
export function withSettings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}

type NumericKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

/** Values the eval's leave-one-family-out check tries for each swept threshold. */
export const SWEEPS: Partial<Record<NumericKey, readonly number[]>> = {
  maxBoldLead: [30, 40, 50],
  plainHeadingMax: [24, 32, 40, 48],
  shortLeadMax: [20, 26, 32, 40],
  shortLeadRatio: [2, 2.5, 3.5],
  parallelLongPrefix: [4, 5, 6],
  parallelMaxShortFrameLead: [40, 50, 70],
  subLeadMax: [6, 8, 10],
};
