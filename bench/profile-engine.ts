/**
 * A focused load for the profiler: `node --import tsx --cpu-prof bench/profile-engine.ts
 * [text|html] [SIZE] [RUNS]` runs one engine path on one essay size, RUNS times.
 */
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzeText } from '../lib/index.ts';
import { loadCorpus } from './inputs.ts';
import { textToHtml } from './to-html.ts';

function main(): void {
  const [path = 'text', sizeArg = '20000', runsArg = '50'] = process.argv.slice(2);
  const essay = loadCorpus().essay(Number(sizeArg));
  const doc = parseHTML(textToHtml(essay)).document as unknown as Document;
  const run = path === 'html' ? () => analyzeDocument(doc) : () => analyzeText(essay);
  const t0 = performance.now();
  let nodes = 0;
  for (let i = 0; i < Number(runsArg); i++) nodes += run().outline.nodes.length;
  const ms = (performance.now() - t0) / Number(runsArg);
  console.log(`${path} ${essay.length} chars: ${ms.toFixed(2)} ms/run (${nodes} nodes in all)`);
}

main();
