/**
 * The export options: remembered in the library page's localStorage (any
 * stored value read safely), and set through two checkboxes beside the zip
 * export.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionsBar, type ActionProgress } from '@/components/library/ActionsBar';
import type { LibraryT } from '@/components/library/library-strings';
import { DEFAULT_EXPORT_OPTIONS } from '@/pages/library/export-files';
import {
  EXPORT_PREFS_KEY,
  parseExportOptions,
  storedExportPrefs,
  type PrefsStorage,
} from '@/pages/library/export-prefs';
import { mount } from '../mount';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as LibraryT;

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('parseExportOptions', () => {
  it.each([
    [null, DEFAULT_EXPORT_OPTIONS],
    ['{"fullText":true,"obsidian":true}', { fullText: true, obsidian: true }],
    ['{"fullText":true}', { fullText: true, obsidian: false }],
    ['{"fullText":"yes","obsidian":1,"other":true}', DEFAULT_EXPORT_OPTIONS],
    ['not json', DEFAULT_EXPORT_OPTIONS],
    ['[true]', DEFAULT_EXPORT_OPTIONS],
    ['null', DEFAULT_EXPORT_OPTIONS],
  ])('%s', (stored, expected) => {
    expect(parseExportOptions(stored)).toEqual(expected);
  });
});

describe('storedExportPrefs', () => {
  it('remembers the options in localStorage', () => {
    const prefs = storedExportPrefs();
    expect(prefs.read()).toEqual(DEFAULT_EXPORT_OPTIONS);
    prefs.write({ fullText: true, obsidian: false });
    expect(localStorage.getItem(EXPORT_PREFS_KEY)).toBe('{"fullText":true,"obsidian":false}');
    expect(storedExportPrefs().read()).toEqual({ fullText: true, obsidian: false });
  });

  it('gives the defaults and drops writes where storage fails or is missing', () => {
    const broken: PrefsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    for (const storage of [broken, null]) {
      const prefs = storedExportPrefs(storage);
      expect(() => prefs.write({ fullText: true, obsidian: true })).not.toThrow();
      expect(prefs.read()).toEqual(DEFAULT_EXPORT_OPTIONS);
    }
  });
});

/** The actions bar with nothing selected or under way, its handlers doing nothing. */
const barProps = {
  t,
  selectedCount: 0,
  progress: null,
  onSelectAll: () => {},
  onExport: () => {},
  onBackup: () => {},
  onRestore: () => {},
  exportOptions: { fullText: false, obsidian: false },
  onExportOptions: () => {},
};

describe('ActionsBar export options', () => {
  it('shows the options and reports each change; disabled while busy', () => {
    const onExportOptions = vi.fn();
    const props = {
      ...barProps,
      exportOptions: { fullText: false, obsidian: true },
      onExportOptions,
    };
    const root = mount(<ActionsBar {...props} busy={false} />);
    const full = root.querySelector<HTMLInputElement>('input.export-full-text')!;
    const obsidian = root.querySelector<HTMLInputElement>('input.export-obsidian')!;
    expect(full.closest('label')?.textContent).toContain('libExportFullText');
    expect([full.checked, obsidian.checked]).toEqual([false, true]);
    full.click();
    expect(onExportOptions).toHaveBeenLastCalledWith({ fullText: true, obsidian: true });
    obsidian.click();
    expect(onExportOptions).toHaveBeenLastCalledWith({ fullText: false, obsidian: false });
    const busy = mount(<ActionsBar {...props} busy={true} />);
    expect(busy.querySelector<HTMLInputElement>('input.export-full-text')!.disabled).toBe(true);
  });
});

describe('ActionsBar progress line', () => {
  const line = (progress: ActionProgress) => {
    const root = mount(<ActionsBar {...barProps} busy={true} progress={progress} />);
    const status = root.querySelector('[role="status"]')!;
    const bar = status.querySelector('progress')!;
    return {
      text: status.textContent?.trim(),
      value: bar.getAttribute('value'),
      max: bar.getAttribute('max'),
    };
  };

  it('says what each long action has done: articles packed, backup and file read in per cent', () => {
    expect(line({ kind: 'export', done: 3, total: 10 })).toEqual({
      text: 'libExporting(3,10)',
      value: '3',
      max: '10',
    });
    expect(line({ kind: 'backup', done: 1, total: 3 })).toMatchObject({
      text: 'libBackingUp(33)',
      value: '1',
    });
    expect(line({ kind: 'restore-read', done: 5_000, total: 5_000 }).text).toBe(
      'libRestoreReading(100)',
    );
  });

  it('moves on its own where there is no count: writes after the file, a total not known', () => {
    expect(line({ kind: 'restore-write', done: 0, total: 0 })).toEqual({
      text: 'libRestoreWriting',
      value: null,
      max: null,
    });
    expect(line({ kind: 'backup', done: 40, total: 0 })).toEqual({
      text: 'libWorking',
      value: null,
      max: null,
    });
  });
});
