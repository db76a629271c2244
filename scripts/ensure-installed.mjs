#!/usr/bin/env node
// Runs before `npm test` and `npm start` (pretest / prestart), so that each is
// ONE command on a fresh clone:
// 1. npm ci when node_modules is missing or older than package-lock.json;
//    `wxt prepare` when .wxt/ (generated types) is missing.
// 2. Debian's Chromium (and a CJK font, so screenshots show Chinese) for the
//    browser tests and `npm start`: installed with apt-get when we are root,
//    otherwise a message says how to install it.
// Set GANGMU_SKIP_BROWSER_CHECK=1 to skip step 2.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.GANGMU_CHROMIUM ?? '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

function run(cmd, args, options = {}) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`ensure-installed: \`${cmd} ${args.join(' ')}\` failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : -1);

// 1. Node packages.
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed)) {
  console.log('ensure-installed: node_modules is missing: installing with npm ci');
  run('npm', ['ci']);
} else if (mtime(lock) > mtime(installed)) {
  console.log('ensure-installed: package-lock.json is newer than node_modules: npm ci');
  run('npm', ['ci']);
}
if (!existsSync(join(root, '.wxt', 'tsconfig.json'))) run('npx', ['wxt', 'prepare']);

// 2. The browser.
if (process.env.GANGMU_SKIP_BROWSER_CHECK !== '1') {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync(CJK_FONT)) missing.push('fonts-wqy-microhei');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

  if (missing.length > 0 && isRoot && hasApt && CHROMIUM === '/usr/bin/chromium') {
    console.log(`ensure-installed: installing ${missing.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', ...missing], { env });
  } else if (missing.includes('chromium')) {
    console.error(
      [
        '',
        `ensure-installed: Chromium is needed at ${CHROMIUM} for the browser tests and npm start.`,
        '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei',
        '  Or point GANGMU_CHROMIUM at another Chromium/Chrome binary.',
        '  (Nothing here downloads a browser by itself.)',
        '',
      ].join('\n'),
    );
    process.exit(1);
  } else if (missing.length > 0) {
    console.warn(
      'ensure-installed: fonts-wqy-microhei is missing: Chinese may show as boxes in screenshots ' +
        '(sudo apt-get install -y fonts-wqy-microhei).',
    );
  }
}
