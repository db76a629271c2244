/**
 * Input methods (拼音, 五笔 …). While a reader composes Chinese, the field
 * holds unfinished letters (shi'jian) and the keys pressed — arrows, Enter,
 * Esc, digits — move, commit or cancel the input method's candidates. Those
 * keys are the input method's, not our shortcuts.
 */

/**
 * Whether a key press belongs to an input method's composition. Chrome marks
 * the keys inside one `isComposing`; the key that commits or cancels it may
 * come only as keyCode 229 (Safari, some Chrome versions).
 */
export function composing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}
