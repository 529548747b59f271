/** Styles of our own pages (home, explainer page, API reference, embed builder, errors), served from /site.css, never inline. */
export const SITE_CSS = `
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #222; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 16px; }
h1 { font-size: 32px; line-height: 1.2; }
pre { overflow-x: auto; padding: 12px; background: #f0f0f0; color: #111; border-radius: 6px; font-size: 13px; user-select: all; white-space: pre-wrap; word-break: break-all; }
a { color: #0b57d0; }
.explainer-page { color-scheme: light dark; background: Canvas; color: CanvasText; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.explainer-page main { max-width: 760px; padding: 8px; }
/* ==== API reference (/docs) and the problem-type pages, body.docs: every rule below is scoped to it ==== */
body.docs { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body.docs main { max-width: 860px; }
body.docs h1 { margin: 16px 0 8px; overflow-wrap: anywhere; }
body.docs h2 { margin: 48px 0 12px; font-size: 24px; line-height: 1.25; border-top: 1px solid #ccc; padding-top: 16px; }
body.docs h3 { margin: 40px 0 8px; font-size: 19px; line-height: 1.3; overflow-wrap: anywhere; }
body.docs h4 { margin: 24px 0 8px; font-size: 17px; }
body.docs h5 { margin: 20px 0 4px; font-size: 16px; }
body.docs h2 code, body.docs h3 code, body.docs h5 code, body.docs .docs-toc code { background: none; padding: 0; font-size: 1em; }
body.docs code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; background: #f0f0f0; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
body.docs pre code { background: none; padding: 0; font-size: inherit; overflow-wrap: normal; }
body.docs pre { user-select: text; }
body.docs pre.docs-example { white-space: pre; word-break: normal; overflow: auto; margin: 8px 0 16px; line-height: 1.45; }
body.docs pre.md-code { white-space: pre-wrap; word-break: break-word; }
body.docs .docs-lede, body.docs .docs-summary { font-size: 18px; }
body.docs .docs-summary { margin: 0 0 8px; }
body.docs .docs-facts { padding-left: 20px; }
body.docs .docs-toc ol { padding-left: 20px; margin: 4px 0; }
body.docs .docs-toc ol ol { font-size: 15px; }
body.docs .docs-toc li { margin: 2px 0; }
body.docs .docs-op { margin-top: 24px; padding-top: 4px; border-top: 1px dashed #ccc; }
body.docs .docs-group > .docs-op:first-of-type { border-top: 0; }
body.docs .docs-response { margin: 0 0 0 2px; padding: 0 0 4px 14px; border-left: 3px solid #ddd; }
body.docs .docs-response + .docs-response { margin-top: 12px; }
body.docs .docs-response h5 { margin-top: 12px; }
body.docs .docs-media, body.docs .docs-problems { margin: 4px 0 8px; padding-left: 20px; }
body.docs .docs-scroll { overflow-x: auto; margin: 12px 0; background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 32px 100% no-repeat local, linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 32px 100% no-repeat local, radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.2), transparent) left / 12px 100% no-repeat scroll, radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.2), transparent) right / 12px 100% no-repeat scroll; }
body.docs table { border-collapse: collapse; width: 100%; min-width: 36rem; font-size: 14px; }
body.docs th, body.docs td { text-align: left; border-bottom: 1px solid #ddd; padding: 6px 8px; vertical-align: top; }
body.docs thead th { border-bottom: 2px solid #bbb; }
body.docs tbody th { font-weight: normal; }
body.docs code.docs-name { overflow-wrap: normal; }
body.docs caption { text-align: left; font-weight: 600; padding: 4px 0; }
body.docs td p { margin: 0; }
body.docs td p + p { margin-top: 4px; }
body.docs td ul { margin: 0; padding-left: 18px; }
body.docs tr.docs-nested th { padding-left: 24px; }
body.docs .docs-allowed, body.docs .docs-allowed > span { display: block; color: #555; font-size: 13px; }
body.docs .docs-changelog > li > p { margin: 8px 0 0; }
body.docs a:focus-visible, body.docs [tabindex]:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (min-width: 1100px) {
  body.docs main.docs-reference { max-width: 1240px; display: grid; grid-template-columns: 260px minmax(0, 1fr); column-gap: 48px; }
  body.docs .docs-head { grid-column: 2; grid-row: 1; }
  body.docs .docs-body { grid-column: 2; grid-row: 2; min-width: 0; }
  body.docs .docs-toc { grid-column: 1; grid-row: 1 / span 2; align-self: start; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; box-sizing: border-box; padding: 16px 4px 16px 0; font-size: 15px; }
  body.docs .docs-toc h2 { margin-top: 0; border-top: 0; padding-top: 0; font-size: 18px; }
}
/* ==== end of the API reference ==== */
/* ==== Embed builder (/embed), body.builder: every rule below is scoped to it ==== */
.builder { color-scheme: light dark; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.builder main { max-width: 860px; }
.builder h1 { margin: 16px 0 8px; }
.builder h2 { margin: 0; font-size: 20px; line-height: 1.3; }
.builder-lede { margin: 0 0 24px; color: #444; }
.builder-grid { display: grid; gap: 32px; grid-template-columns: minmax(0, 1fr); }
.builder-form { margin: 0 0 24px; }
.builder-field { margin: 0 0 12px; display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.builder-field label, .builder-modes legend { font-weight: 600; }
.builder-row { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; }
.builder select, .builder button, .builder input { font: inherit; font-size: 15px; }
.builder select { max-width: 100%; min-height: 36px; padding: 4px 6px; border: 1px solid #767676; border-radius: 6px; background: Field; color: FieldText; }
.builder input[type='color'] { width: 64px; height: 36px; padding: 2px; border: 1px solid #767676; border-radius: 6px; background: Field; }
.builder-modes { margin: 4px 0 12px; padding: 8px 12px 4px; border: 1px solid #ccc; border-radius: 8px; min-width: 0; }
.builder-modes legend { padding: 0 4px; }
.builder-mode { display: flex; gap: 8px; align-items: flex-start; padding: 4px 0; font-size: 15px; line-height: 1.35; cursor: pointer; }
.builder-mode input { margin: 3px 0 0; flex: none; width: 16px; height: 16px; }
.builder-hint { color: #555; }
.builder-submit { margin: 0; }
.builder button { min-height: 36px; padding: 4px 14px; border: 1px solid #0b57d0; border-radius: 6px; background: Field; color: #0b57d0; font-weight: 600; cursor: pointer; }
.builder button.builder-copy { background: #0b57d0; color: #fff; }
.builder [hidden] { display: none !important; }
.builder-code-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-bottom: 8px; }
.builder-size { color: #555; font-size: 14px; font-variant-numeric: tabular-nums; }
.builder-code-head .builder-copy { margin-inline-start: auto; }
.builder pre.builder-box { max-height: 16rem; overflow: auto; margin: 0; border: 1px solid #ccc; }
.builder-status { min-height: 1.5em; margin: 4px 0 12px; font-size: 15px; font-weight: 600; color: #1e6b34; }
.builder-vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.builder .preview iframe { display: block; width: 100%; border: 0; margin-top: 16px; }
.builder :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (min-width: 1100px) {
  .builder main { max-width: 1240px; }
  .builder-grid { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); align-items: start; }
}
@media (prefers-color-scheme: dark) {
  body.builder { background: #121212; color: #e8e8e8; }
  .builder a { color: #8ab4f8; }
  .builder-lede { color: #c8c8c8; }
  .builder-hint, .builder-size { color: #b4b8bf; }
  .builder-modes, .builder pre.builder-box { border-color: #555; }
  .builder pre { background: #1e1f22; color: #e8e8e8; }
  .builder select, .builder input[type='color'] { border-color: #8e8e8e; }
  .builder button { border-color: #8ab4f8; color: #8ab4f8; }
  .builder button.builder-copy { background: #8ab4f8; color: #111; }
  .builder-status { color: #81c995; }
  .builder :focus-visible { outline-color: #8ab4f8; }
}
/* ==== end of the embed builder ==== */
`.trim();
