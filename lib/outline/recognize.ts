import type { BlockDoc, Outline } from '../types.ts';

/** Recognise the outline of an essay. (Placeholder until the recognisers land.) */
export function recognize(doc: BlockDoc): Outline {
  void doc;
  return {
    title: null,
    subtitle: null,
    author: null,
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: [],
  };
}
