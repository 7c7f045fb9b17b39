// Host-page helper for the TCCS dashboard embed. Include once on a page:
//   <script src="https://YOUR-HOST/PATH/embed.js" async></script>
// It listens for the height messages the dashboard sends from inside its iframes (Datawrapper's
// {"datawrapper-height": {id: px}} or AMP's {sentinel: "amp", type: "embed-size", height}) and
// sizes the iframe that sent it, matched by contentWindow === event.source. No dependencies.
(function () {
  'use strict';
  if (window.__tccsEmbedHost) return;
  window.__tccsEmbedHost = true;

  function heightOf(d) {
    if (!d || typeof d !== 'object') return null;
    var dw = d['datawrapper-height'];
    if (dw && typeof dw === 'object') {
      for (var k in dw) if (Object.prototype.hasOwnProperty.call(dw, k)) return dw[k];
    }
    if (d.sentinel === 'amp' && d.type === 'embed-size') return d.height;
    return null;
  }

  window.addEventListener('message', function (e) {
    var h = heightOf(e.data);
    if (typeof h !== 'number' || !isFinite(h) || h < 50 || h > 30000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.ceil(h) + 'px';
        return;
      }
    }
  });
})();
