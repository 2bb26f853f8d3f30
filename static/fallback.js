// courtview's fallback: when the app cannot start (the WebAssembly or its script is blocked or
// fails to load, or the browser has no WebAssembly), the prerendered page stays as it is, fully
// readable, and this shows the notice the site generator put after <div id="app"> (in the
// page's language): interactive features are unavailable. The app itself shows the same notice
// if it panics. Until the app runs, it also holds what the reader did to the page's controls,
// for the app to receive once it is ready. A classic script, no dependencies, loaded before
// the app.
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
  // On a slow phone the page reads seconds before the app is ready; a click on a mention or
  // a button in that time would be lost, and the reader would think it broken. From the
  // moment this script runs (it is deferred: once the page is parsed), such clicks are held
  // and made again, in order, just after the app says it is interactive: hydration keeps
  // these very elements, and gives them their listeners. Then a mention that has the focus
  // (reached from the keyboard, or clicked last) is focused again, which opens its card as
  // a click does. Links and the search form work without the app and are left alone; should
  // the app fail, nothing is made again.
  //
  // The controls that do nothing without the app: the app writes every button that is not a
  // form's with type="button", and a highlighted mention with a tabindex. A held click goes
  // no further now (the part of the page it is on may already be hydrated), so that it is
  // made once. A control is held once however often it was clicked, in the place of its
  // last click: a second click on something that did nothing asks for the same again. And a
  // toggle is only turned if it
  // still shows what the reader saw: the app applies a returning reader's saved choices as
  // it becomes interactive, and may have turned it already.
  var held = [];
  document.addEventListener('click', function (event) {
    var t = !running() && event.target.closest('button[type=button],mark[tabindex]');
    if (!t) return;
    event.stopPropagation();
    held = held.filter(function (h) {
      return h[0] !== t;
    });
    held.push([t, t.getAttribute('aria-pressed')]);
  }, true);
  new MutationObserver(function (records, observer) {
    if (!running()) return;
    observer.disconnect();
    // A task later: whatever the app renders as it becomes interactive is on the page.
    setTimeout(function () {
      held.forEach(function (h) {
        if (h[0].isConnected && h[0].getAttribute('aria-pressed') === h[1]) h[0].click();
      });
      var focused = document.activeElement;
      if (focused && focused.tagName === 'MARK') focused.dispatchEvent(new FocusEvent('focus'));
    });
  }).observe(root, { attributeFilter: [names.state] });
})
