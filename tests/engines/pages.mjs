// What the engine tests serve beside dist/: copies of its pages with the trap fixture
// (tests/engines/trap.js), and the step that sets it off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

/** A copy of a page of dist/ with the trap fixture (tests/engines/trap.js), for a static host's
 *  `pages`: `trap.html` (the reader) and `trap-edit.html` (the editor) beside the real pages. */
export function trapPages() {
  const withTrap = (file) => readFileSync(join(DIST, file), 'utf8').replace('</head>', '<script src="trap.js"></script></head>');
  return {
    '/trap.js': readFileSync(new URL('./trap.js', import.meta.url), 'utf8'),
    '/trap.html': withTrap('index.html'),
    '/trap-edit.html': withTrap('edit.html'),
  };
}

/** In the page: sets off a fault (`now`: a trap; `error`, `rejection`: tests/engines/trap.js)
 *  and waits for the fault message; returns its text. */
export const trapAndRead = async (kind = 'now') => {
  document.documentElement.dataset.trap = kind;
  for (let i = 0; i < 150 && !document.querySelector('.app-fault'); i++) await new Promise((r) => setTimeout(r, 20));
  const armed = document.documentElement.dataset.trap;
  return document.querySelector('.app-fault')?.textContent ?? `no message (trap: ${armed})`;
};

/** In the page: keeps every file the page gives the browser to save (its Blob and name) instead
 *  of letting the browser save it: it would land in the machine's Downloads folder, and after a
 *  download WebKitGTK's automation stops delivering clicks into frames. */
export const recordSaves = () => {
  window.__saved = [];
  const url = URL.createObjectURL;
  URL.createObjectURL = (blob) => { const u = url(blob); window.__saved.push({ u, blob }); return u; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const s = window.__saved.find((x) => x.u === this.href);
    if (s) s.name = this.download;
    else return click.call(this);
  };
};
/** In the page: the text of the saved file called `name`, once it is there. */
export const saved = async (name) => {
  for (let i = 0; i < 200; i++) {
    const s = window.__saved.find((x) => x.name === name);
    if (s) return s.blob.text();
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
};
