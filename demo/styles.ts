/** The demo publisher's newspaper look, served from /demo.css while the demo is on. */
export const DEMO_CSS = `
body.demo { font: 18px/1.6 Georgia, 'Times New Roman', serif; background: #fbfaf7; }
.demo main { max-width: 720px; }
.demo h1 { font-size: 34px; }
.masthead { border-bottom: 3px double #222; padding: 12px 16px; text-align: center; }
.brand { margin: 0; font-size: 32px; font-weight: 700; letter-spacing: .02em; }
.tagline { margin: 0; font-size: 14px; color: #555; }
.byline { color: #555; font-size: 15px; }
.embed-docs { margin-top: 48px; padding-top: 16px; border-top: 1px solid #ccc; font-family: system-ui, sans-serif; font-size: 16px; }
.embed-docs figure { margin: 0 0 16px; }
.embed-docs figcaption { font-weight: 600; overflow-wrap: anywhere; }
`.trim();
