/** Copy buttons: copy the target `<code>`'s text exactly (what you see is what you paste). */
import { announce } from './dom.ts';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard permission (or an insecure context): fall back to a selection copy
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function initCopyButtons(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button.copy');
    if (!(button instanceof HTMLButtonElement)) return;
    const target = document.getElementById(button.dataset.copy ?? '');
    if (!target) return;
    void writeClipboard(target.textContent ?? '').then((ok) => {
      button.textContent = ok ? 'Copied' : 'Copy failed';
      announce(ok ? 'Copied to the clipboard' : 'Copy failed');
      window.setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
  });
}
