// courtview's fallback: when the app cannot start (the WebAssembly or its script is blocked or
// fails to load, or the browser has no WebAssembly), the prerendered page stays as it is, fully
// readable, and this shows the notice `courtview prerender` put after <div id="app">
// (#cv-offline, in the page's language): interactive features are unavailable. The app itself
// shows the same notice if it panics. A classic script, no dependencies, loaded before the app.
(function () {
  var root = document.documentElement;
  function show() {
    if (root.getAttribute('data-courtview') === 'interactive') return;
    root.setAttribute('data-courtview', 'failed');
    var notice = document.getElementById('cv-offline');
    if (notice) notice.hidden = false;
  }
  function whenReady(f) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f);
    else f();
  }
  if (typeof WebAssembly !== 'object') whenReady(show);
  // Capturing: a <script> or <link> that fails to load fires `error` on itself, not on window.
  window.addEventListener('error', function (event) {
    // A picture in an article that does not load is the article's matter, not the app's:
    // only scripts and stylesheets (and errors thrown by scripts) count.
    var t = event.target;
    if (t && t.tagName && t.tagName !== 'SCRIPT' && t.tagName !== 'LINK') return;
    if (root.getAttribute('data-courtview') !== 'interactive') whenReady(show);
  }, true);
  window.addEventListener('unhandledrejection', function () {
    if (root.getAttribute('data-courtview') !== 'interactive') whenReady(show);
  });
})();
