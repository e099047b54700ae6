/**
 * Navigation behaviour: the mobile menu button, and the sidebar's "you are here" — the operation
 * whose section is at the top of the viewport gets `aria-current="location"` while you scroll.
 */

export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-toggle');
  const nav = document.getElementById('sidebar');
  if (!button || !nav) return;
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest('a')) set(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && nav.classList.contains('open')) (set(false), button.focus());
  });
}

export function initScrollSpy(): void {
  const links = new Map<string, HTMLAnchorElement>();
  const page = location.pathname.split('/').pop() || 'index.html';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.nav-ops a[href*="#"]')) {
    const [file, hash] = (a.getAttribute('href') ?? '').split('#');
    if (file === page && hash) links.set(hash, a);
  }
  const sections = [...document.querySelectorAll<HTMLElement>('section.op')].filter((s) =>
    links.has(s.id),
  );
  if (!sections.length) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    const offset = (document.querySelector('header.top')?.getBoundingClientRect().bottom ?? 0) + 32;
    let active = sections[0]!;
    for (const s of sections) {
      if (s.getBoundingClientRect().top <= offset) active = s;
      else break;
    }
    const link = links.get(active.id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
    // keep the highlighted entry visible inside a scrolling sidebar, without moving the page
    const nav = document.getElementById('sidebar');
    if (link && nav && nav.scrollHeight > nav.clientHeight) {
      const top = link.offsetTop - nav.clientHeight / 2;
      nav.scrollTop = Math.max(0, top);
    }
  };
  let queued = false;
  window.addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => ((queued = false), update()));
    },
    { passive: true },
  );
  window.addEventListener('hashchange', update);
  update();
}
