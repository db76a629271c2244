/**
 * An essay's source family is the letter its id starts with: s (PDF-text
 * slices), h and x (saved web pages), p (People's Daily Markdown clippings),
 * e (申论 essays), c (the invented failure cases).
 */
export function familyOf(id: string): string {
  return /^[a-z]+/i.exec(id)?.[0].toLowerCase() ?? id;
}
