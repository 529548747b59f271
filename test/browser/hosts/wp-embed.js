// A stand-in for WordPress's wp-embed.js, as shared/embedding-hosts.md describes it: height
// messages only from that iframe's window and with its secret, clamped to 200–1,000 px; "ready"
// sent to each embed on load; "link" only to a URL on the iframe's own host (recorded here).
window.wpLog = [];
window.addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !d.secret || !/^[A-Za-z0-9]+$/.test(d.secret) || !d.message) return;
  var frames = document.querySelectorAll('iframe[data-secret="' + d.secret + '"]');
  for (var i = 0; i < frames.length; i++) {
    var iframe = frames[i];
    if (iframe.contentWindow !== e.source) continue;
    iframe.classList.remove('wp-hidden');
    var quote = document.querySelector('blockquote[data-secret="' + d.secret + '"]');
    if (quote) quote.hidden = true;
    if (d.message === 'height') {
      var h = Math.min(Math.max(parseInt(d.value, 10), 200), 1000);
      if (String(h) !== iframe.height) iframe.height = String(h);
      window.wpLog.push(['height', h]);
    }
    if (d.message === 'link') {
      var target = new URL(d.value);
      if (target.host === new URL(iframe.src).host && /^https?:$/.test(target.protocol))
        window.wpLog.push(['link', d.value]);
    }
  }
});
window.addEventListener('load', function () {
  var frames = document.querySelectorAll('iframe.wp-embedded-content');
  for (var i = 0; i < frames.length; i++)
    frames[i].contentWindow.postMessage({ message: 'ready', secret: frames[i].getAttribute('data-secret') }, '*');
});
