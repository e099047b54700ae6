/** The docs site's only script (bundled by esbuild into assets/docs.js; no inline code anywhere). */
import { initBaseUrl } from './base-url.ts';
import { initCopyButtons } from './copy.ts';
import { initSearch } from './search.ts';
import { initTryIt } from './tryit/index.ts';

initCopyButtons();
initBaseUrl();
initSearch();
initTryIt();
