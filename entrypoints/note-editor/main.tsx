/**
 * The note editor frame (note-editor.html#TOKEN): framed by the content
 * script into the selection toolbar or a sidebar entry, of the extension's
 * origin, so what the reader types is never an event of the page's document.
 * The token names the background's editing session; a frame without a live
 * session (a page framing this file itself) shows only a notice. Wiring
 * only; the view is components/note-editor/NoteEditorApp.tsx.
 */
import { render } from 'preact';
import { browser } from '#imports';
import type { SidebarMessage } from '@/components/sidebar/sidebar-messages';
import { NoteEditorApp } from '@/components/note-editor/NoteEditorApp';
import { sendRequest } from '@/protocol/messages';

const token = location.hash.slice(1);
const t = (name: SidebarMessage, substitutions?: string[]) =>
  browser.i18n.getMessage(name, substitutions);
document.documentElement.lang = browser.i18n.getUILanguage();

render(
  <NoteEditorApp
    t={t}
    load={() => sendRequest(browser, { type: 'get-note-editor', token })}
    close={(note) => sendRequest(browser, { type: 'close-note-editor', token, note })}
  />,
  document.getElementById('app')!,
);
