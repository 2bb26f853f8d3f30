// courtview's fallback: when the app cannot start (the WebAssembly or its script is blocked or
// fails to load, or the browser has no WebAssembly), the prerendered page stays as it is, fully
// readable, and this shows the notice the site generator put after <div id="app"> (in the
// page's language): interactive features are unavailable. The app itself shows the same notice
// if it panics. A classic script, no dependencies, loaded before the app.
//
// This file is a function: the site generator (src/site/template.rs, `fallback_script`) calls
// it with the names it shares with the page and the app (src/markup.rs), so that they are
// written in one place: `names.notice` is the notice's id, `names.state` the attribute of
// <html> that says how the app is doing, `names.interactive` or `names.failed`.
(function (names) {
  var root = document.documentElement;
  function running() {
    return root.getAttribute(names.state) === names.interactive;
  }
  function show() {
    if (running()) return;
    root.setAttribute(names.state, names.failed);
    var notice = document.getElementById(names.notice);
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
    if (!running()) whenReady(show);
  }, true);
  window.addEventListener('unhandledrejection', function () {
    if (!running()) whenReady(show);
  });
})
