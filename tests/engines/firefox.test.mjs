// The reader's core and the editor's publish in Firefox ESR (geckodriver).
import { suite as reader } from './reader.mjs';
import { suite as editor } from './editor.mjs';

reader('firefox');
editor('firefox');
