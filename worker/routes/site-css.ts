/** Styles of our own pages (home, explainer page, API reference, embed builder, errors), served from /site.css, never inline. */
export const SITE_CSS = `
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #222; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 16px; }
h1 { font-size: 32px; line-height: 1.2; }
pre { overflow-x: auto; padding: 12px; background: #f0f0f0; color: #111; border-radius: 6px; font-size: 13px; user-select: all; white-space: pre-wrap; word-break: break-all; }
a { color: #0b57d0; }
.explainer-page { color-scheme: light dark; background: Canvas; color: CanvasText; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.explainer-page main { max-width: 760px; padding: 8px; }
.docs { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.docs main { max-width: 860px; }
.docs h2 { margin-top: 40px; font-size: 22px; border-top: 1px solid #ccc; padding-top: 16px; }
.docs h3 { font-size: 17px; }
.docs table { border-collapse: collapse; width: 100%; font-size: 14px; }
.docs th, .docs td { text-align: left; border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: top; }
.docs caption { text-align: left; font-weight: 600; }
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
