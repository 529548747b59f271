/**
 * @module builder.js: the embed builder's (/embed) few behaviours. The page works without it
 * (a plain form); with it, every change updates the preview and the code can be copied.
 */
const form = document.getElementById('builder') as HTMLFormElement | null;
form?.addEventListener('change', () => form.requestSubmit());

const copy = document.getElementById('copy') as HTMLButtonElement | null;
const code = document.getElementById('embed-code');
const copyStatus = document.getElementById('copy-status');
if (copy && code && copyStatus && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent ?? '').then(
      () => (copyStatus.textContent = 'Copied the embed code to the clipboard.'),
      () => (copyStatus.textContent = 'Could not copy: select the code and copy it.'),
    );
  });
}
