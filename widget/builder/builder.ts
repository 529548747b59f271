/**
 * @module builder.js: the embed builder's (/embed) few behaviours. The page works without it
 * (a plain GET form, code to select by hand); with it, every change updates the preview, keeping
 * the keyboard focus on the control that changed, and the code can be copied with one button.
 */
const form = document.getElementById('builder') as HTMLFormElement | null;
/** The changed control travels in the fragment of the next page's URL: `#focus=<id>`. */
const FOCUS = /^#focus=([\w-]+)$/;

if (form) {
  form.addEventListener('change', (event) => {
    const id = (event.target as Element | null)?.id;
    // A GET form keeps its action's fragment: the next page knows what to focus.
    form.action = `/embed${id ? `#focus=${id}` : ''}`;
    form.requestSubmit();
  });
  const focus = FOCUS.exec(location.hash);
  if (focus) {
    document.getElementById(focus[1]!)?.focus();
    history.replaceState(history.state, '', location.pathname + location.search);
  }
}

const copy = document.getElementById('copy') as HTMLButtonElement | null;
const code = document.getElementById('embed-code');
const copyStatus = document.getElementById('copy-status');

/** Says `text` in the live region, anew even when it is the same words as last time. */
function announce(text: string): void {
  copyStatus!.textContent = '';
  setTimeout(() => (copyStatus!.textContent = text), 50);
}

/** Without the clipboard: the code selected, for the reader's own keyboard shortcut. */
function selectCode(): void {
  code!.parentElement?.focus();
  const range = document.createRange();
  range.selectNodeContents(code!);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  announce('Press Ctrl+C / ⌘C to copy the selected code.');
}

if (copy && code && copyStatus) {
  copy.hidden = false;
  copy.addEventListener('click', () => {
    const text = code.textContent;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined outside secure contexts (plain http)
    if (!navigator.clipboard?.writeText) {
      selectCode();
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => announce('Copied the embed code to the clipboard.'),
      () => selectCode(),
    );
  });
}
