// Records AMP's embed-size requests, as an amp-iframe would receive them.
window.ampSizes = [];
window.addEventListener('message', function (e) {
  if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') window.ampSizes.push(e.data.height);
});
