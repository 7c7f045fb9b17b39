// The reader's core and the editor's publish in Chromium (chromedriver).
import { suite as reader } from './reader.mjs';
import { suite as editor } from './editor.mjs';

reader('chromium');
editor('chromium');
