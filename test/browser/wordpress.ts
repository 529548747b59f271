/**
 * @module What WordPress 6.1 does to an untrusted oEmbed provider's `html`
 * (`wp_filter_oembed_result`, shared/embedding-hosts.md): keeps one blockquote (no attributes)
 * before the last iframe, and the iframe with only src/width/height/frameborder/marginwidth/
 * marginheight/scrolling/title; drops the embed if the iframe is not empty; then adds a secret
 * to the iframe's URL and both elements, sandboxes the iframe and hides it until it reports a
 * height (a class here, where WordPress writes a style attribute our host's CSP would block).
 */

const KEPT = ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'];

export function asWordPressEmbed(html: string, secret: string): string {
  const iframe = /<iframe\b([^>]*)>([\s\S]*?)<\/iframe>/.exec(html);
  if (!iframe || iframe[2] !== '') throw new Error('WordPress would drop this embed to a plain link');
  const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(html.slice(0, iframe.index));
  const link = quote ? /<a href="([^"]+)">([^<]*)<\/a>/.exec(quote[1]!) : null;
  const attrs = [...iframe[1]!.matchAll(/(\w+)="([^"]*)"/g)].filter(([, name]) => KEPT.includes(name!));
  const src = attrs.find(([, name]) => name === 'src')![2]!;
  const rest = attrs
    .filter(([, name]) => name !== 'src')
    .map(([, n, v]) => `${n}="${v}"`)
    .join(' ');
  return (
    (link
      ? `<blockquote class="wp-embedded-content" data-secret="${secret}"><a href="${link[1]}">${link[2]}</a></blockquote>`
      : '') +
    `<iframe class="wp-embedded-content wp-hidden" sandbox="allow-scripts" security="restricted" src="${src}#?secret=${secret}" data-secret="${secret}" ${rest}></iframe>`
  );
}
