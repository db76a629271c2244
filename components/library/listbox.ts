/**
 * One option of a listbox (the list, the search results) where one option is
 * in the Tab order: the active one, else the first.
 */
export function optionProps(
  id: string,
  ids: readonly string[],
  activeId: string | null | undefined,
  onActivate?: (id: string) => void,
) {
  const tabbable = activeId && ids.includes(activeId) ? activeId : ids[0];
  return {
    'data-id': id,
    role: 'option' as const,
    'aria-selected': activeId === id,
    tabIndex: tabbable === id ? 0 : -1,
    onFocus: (e: FocusEvent) => {
      if (e.target === e.currentTarget) onActivate?.(id);
    },
  };
}

/**
 * The first element matching `selector` that is not inside a hidden part of
 * the page (the list stays, hidden, while search results show).
 */
export function shownElement(selector: string, root: ParentNode = document): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(selector))
    if (!el.closest('[hidden]')) return el;
  return null;
}
