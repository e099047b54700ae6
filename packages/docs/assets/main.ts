/** The docs site's only script (bundled by esbuild into assets/docs.js; no inline code anywhere). */
import { initBaseUrl } from './base-url.ts';
import { initCopyButtons } from './copy.ts';
import { initMenu, initScrollSpy } from './nav.ts';
import { initSameAs } from './same-as.ts';
import { initSearch } from './search.ts';
import { initTabs } from './tabs.ts';
import { initTryIt } from './tryit/index.ts';

document.documentElement.classList.add('js'); // CSS collapses the mobile menu only when it can open
initMenu();
initTabs();
initSameAs();
initCopyButtons();
initBaseUrl();
initSearch();
initTryIt();
initScrollSpy();
