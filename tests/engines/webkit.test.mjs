// The reader's core and the editor's publish in WebKitGTK (WebKitWebDriver, under Xvfb).
import { suite as reader } from './reader.mjs';
import { suite as editor } from './editor.mjs';

reader('webkit');
editor('webkit');
