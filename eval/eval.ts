/**
 * The engine's quality, per source family: `npm run eval [-- options]`.
 *
 * Scores the engine in-process (the same scorer as
 * ../shared/eval/score-outlines.mjs) on the shared corpus, or on any folder of
 * gold outlines, and prints one line per family and one overall, then the
 * leave-one-family-out check: for each family, the score on it of settings
 * tuned on the other families only (see {@link leaveOneFamilyOut}).
 *
 *   --gold DIR       gold folder (default ../shared/corpus)
 *   --verbose        per essay: missed, extra and mis-levelled nodes
 *   --only ID        one essay
 *   --family F       the essays of one family (s, h, x, p, e, c…)
 *   --no-lofo        skip the leave-one-family-out sweep
 *   --off NAME,…     switch recognisers off (ablation), e.g. --off parallel,report
 *   --set KEY=VALUE  override a setting, e.g. --set plainHeadingMax=40
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, SWEEPS, type Settings } from '../lib/outline/settings.ts';
import { CORPUS_DIR, corpusIds, inputOf, predictFile } from './corpus-run.ts';
import { familyOf } from './families.ts';
import {
  flatten,
  align,
  norm,
  scoreItem,
  summarize,
  type ItemScore,
  type ScoredOutline,
} from './score.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const goldDir = resolve(opt('--gold') ?? CORPUS_DIR);
if (!existsSync(goldDir)) {
  console.error(
    `eval: no gold folder at ${goldDir} (the shared corpus lives in ../shared beside the checkout)`,
  );
  process.exit(2);
}
const verbose = args.includes('--verbose');
const only = opt('--only');
const family = opt('--family');

function parseSettings(): Settings {
  const off: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--off') off.push(...(args[++i] ?? '').split(',').filter(Boolean));
    if (args[i] === '--set') {
      const [k, v] = (args[++i] ?? '').split('=');
      if (!k || !(k in DEFAULT_SETTINGS) || k === 'off') {
        console.error(
          `eval: no numeric setting ${k}; known: ${Object.keys(DEFAULT_SETTINGS).join(', ')}`,
        );
        process.exit(2);
      }
      (s as unknown as Record<string, number>)[k] = Number(v);
    }
  }
  return { ...s, off };
}

const ids = corpusIds(goldDir).filter(
  (id) => (!only || id === only) && (!family || familyOf(id) === family),
);
const golds = new Map(
  ids.map((id) => [id, JSON.parse(readFileSync(`${goldDir}/${id}.json`, 'utf8')) as ScoredOutline]),
);

function run(settings: Settings): Map<string, { pred: ScoredOutline; score: ItemScore }> {
  const out = new Map<string, { pred: ScoredOutline; score: ItemScore }>();
  for (const id of ids) {
    const pred = predictFile(inputOf(goldDir, id)!, settings);
    out.set(id, { pred, score: scoreItem(pred, golds.get(id)!) });
  }
  return out;
}

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
function line(label: string, items: ItemScore[]): string {
  const s = summarize(items);
  return `${label.padEnd(8)} F1 ${pct(s.f1)} (P ${pct(s.precision)} R ${pct(s.recall)}) level ${pct(s.level)} parent ${pct(s.parent)} meta ${pct(s.meta)} macro ${pct(s.macroF1)}  [${s.items}]`;
}

function byFamily(results: Map<string, { score: ItemScore }>): Map<string, ItemScore[]> {
  const fam = new Map<string, ItemScore[]>();
  for (const [id, r] of results) {
    const f = familyOf(id);
    fam.set(f, [...(fam.get(f) ?? []), r.score]);
  }
  return fam;
}

function details(id: string, pred: ScoredOutline, gold: ScoredOutline): string[] {
  const P = flatten(pred.outline);
  const G = flatten(gold.outline);
  const pairs = align(P, G);
  const mp = new Set(pairs.map(([i]) => i));
  const mg = new Set(pairs.map(([, j]) => j));
  const rows: string[] = [];
  for (const f of ['title', 'author', 'affiliation'] as const)
    if (gold[f] != null && norm(pred[f]) !== norm(gold[f]))
      rows.push(`  ${f.padEnd(7)} got ${JSON.stringify(pred[f])} want ${JSON.stringify(gold[f])}`);
  G.forEach((g, j) => mg.has(j) || rows.push(`  missed  L${g.level} ${g.text.slice(0, 70)}`));
  P.forEach((p, i) => mp.has(i) || rows.push(`  extra   L${p.level} ${p.text.slice(0, 70)}`));
  for (const [i, j] of pairs)
    if (P[i]!.level !== G[j]!.level)
      rows.push(`  level   L${P[i]!.level}≠L${G[j]!.level} ${G[j]!.text.slice(0, 60)}`);
  return rows.length ? [`${id}:`, ...rows] : [];
}

const settings = parseSettings();
const results = run(settings);
if (verbose)
  for (const [id, r] of results)
    for (const row of details(id, r.pred, golds.get(id)!)) console.log(row);
const families = byFamily(results);
for (const [f, items] of [...families].sort()) console.log(line(f, items));
console.log(
  line(
    'all',
    [...results.values()].map((r) => r.score),
  ),
);

/**
 * Leave one family out: for each family F, every setting in {@link SWEEPS} is
 * swept one at a time, and the value that scores best (F1, then level) on the
 * other families is kept; F is then scored with the settings so chosen. A rule
 * tuned to one family shows here as a drop on it when it is left out.
 */
function leaveOneFamilyOut(): void {
  if (families.size < 2) return;
  const keys = Object.keys(SWEEPS) as Array<keyof typeof SWEEPS & keyof Settings>;
  // One run per swept value; each family's choice is made from the same runs.
  const runs: Array<{ key: string; value: number; fam: Map<string, ItemScore[]> }> = [];
  for (const key of keys)
    for (const value of SWEEPS[key] ?? [])
      runs.push({ key, value, fam: byFamily(run({ ...settings, [key]: value })) });
  console.log('\nleave one family out (settings tuned on the other families):');
  for (const f of [...families.keys()].sort()) {
    const chosen: Settings = { ...settings };
    for (const key of keys) {
      // The default wins ties: a value is chosen only when it does strictly better.
      const score = (r: (typeof runs)[number]) =>
        summarize([...r.fam].filter(([g]) => g !== f).flatMap(([, s]) => s));
      const base = runs.find((x) => x.key === key && x.value === settings[key]);
      const b0 = base ? score(base) : null;
      let best = { value: settings[key], f1: b0?.f1 ?? -1, level: b0?.level ?? -1 };
      for (const r of runs.filter((x) => x.key === key)) {
        const s = score(r);
        if (
          s.f1 > best.f1 + 1e-9 ||
          (Math.abs(s.f1 - best.f1) < 1e-9 && s.level > best.level + 1e-9)
        )
          best = { value: r.value, f1: s.f1, level: s.level };
      }
      (chosen as unknown as Record<string, number>)[key] = best.value;
    }
    const held = byFamily(run(chosen)).get(f) ?? [];
    const changed = keys.filter((k) => chosen[k] !== settings[k]).map((k) => `${k}=${chosen[k]}`);
    console.log(`${line(f, held)}  ${changed.length ? changed.join(' ') : 'defaults'}`);
  }
}
if (!args.includes('--no-lofo') && !only) leaveOneFamilyOut();
