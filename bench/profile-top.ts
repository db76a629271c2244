/**
 * Summarise a V8 CPU profile: `npx tsx bench/profile-top.ts FILE.cpuprofile [N] [URL-FILTER]`.
 *
 * Prints the N functions with the most self time, the self time per file and,
 * when the profiled script has a source map beside it (an esbuild bundle built
 * with `--sourcemap`), the hottest source lines. Under tsx every function sits
 * on line 1 of its transformed module, so its definition line is looked up by
 * name in the source file instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { num, table } from './report.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  positionTicks?: { line: number; ticks: number }[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per profile node id, in ms, from the sample timeline. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  return self;
}

/** A path relative to the repository (or the URL as given). */
function shortPath(pathOrUrl: string): string {
  const path = pathOrUrl.startsWith('file://') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  const root = fileURLToPath(new URL('../', import.meta.url));
  return path.startsWith(root) ? path.slice(root.length) : path || '(native)';
}

/** The source map of a script URL, when one lies beside it. */
const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    if (url.startsWith('file://')) {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** `file:line` (1-based) of a generated position, through the source map when there is one. */
function locate(url: string, line0: number, col0: number): { file: string; line: number } {
  const map = sourceMapOf(url);
  if (map) {
    const e = map.findEntry(line0, col0) as { originalSource?: string; originalLine?: number };
    if (e.originalSource !== undefined && e.originalLine !== undefined)
      return {
        file: shortPath(new URL(e.originalSource, url).href),
        line: e.originalLine + 1,
      };
  }
  return { file: shortPath(url), line: line0 + 1 };
}

/** Definition line of `name` in a TypeScript source (for tsx, where every frame is on line 1). */
function definitionLine(file: string, name: string): number | null {
  if (!file.endsWith('.ts') || !existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const def = new RegExp(`(?:function\\*?\\s+${name}\\b|(?:const|let)\\s+${name}\\s*=)`);
  const i = lines.findIndex((l) => def.test(l));
  return i >= 0 ? i + 1 : null;
}

function main(): void {
  const [file, nArg, filter = ''] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N] [URL-FILTER]');
  const n = Number(nArg ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const self = selfTimes(profile);
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byLine = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (!url.includes(filter) || ms === 0) continue;
    const at = locate(url, lineNumber, columnNumber);
    const name = functionName || '(anonymous)';
    const line = at.line === 1 ? (definitionLine(at.file, name) ?? 1) : at.line;
    add(byFn, `${name}  ${at.file}:${line}`, ms);
    add(byFile, at.file, ms);
    const ticks = node.positionTicks?.reduce((s, p) => s + p.ticks, 0) ?? 0;
    if (!sourceMapOf(url) || ticks === 0) continue;
    for (const p of node.positionTicks!) {
      const hot = locate(url, p.line - 1, 1e6);
      add(byLine, `${hot.file}:${hot.line}  (${name})`, (ms * p.ticks) / ticks);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => [k, num(ms), `${num((ms / total) * 100)}%`]);
  console.log(`total sampled ${num(total)} ms${filter ? `, URL filter "${filter}"` : ''}\n`);
  console.log(table(['function  file:line', 'self ms', 'share'], top(byFn)));
  console.log(`\n${table(['file', 'self ms', 'share'], top(byFile))}`);
  if (byLine.size) console.log(`\n${table(['hot line', 'self ms', 'share'], top(byLine))}`);
}

main();
