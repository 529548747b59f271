/** Styles of our own pages (demo publisher and explainer page), served from /site.css, never inline. */
export const SITE_CSS = `
body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7; }
.masthead { border-bottom: 3px double #222; padding: 12px 16px; text-align: center; }
.brand { margin: 0; font-size: 32px; font-weight: 700; letter-spacing: .02em; }
.tagline { margin: 0; font-size: 14px; color: #555; }
main { max-width: 720px; margin: 0 auto; padding: 16px; }
h1 { font-size: 34px; line-height: 1.2; }
.byline { color: #555; font-size: 15px; }
.embed-docs { margin-top: 48px; padding-top: 16px; border-top: 1px solid #ccc; font-family: system-ui, sans-serif; font-size: 16px; }
.embed-docs figure { margin: 0 0 16px; }
.embed-docs figcaption { font-weight: 600; overflow-wrap: anywhere; }
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
`.trim();
