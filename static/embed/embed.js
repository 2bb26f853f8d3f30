/*! courtview embed loader. Defines <courtview-article article="SLUG" lang="kk|ru|en">, which
 * shows one Supreme Court article in an iframe from the viewer's own site and keeps the
 * frame as tall as the article. Plain JavaScript: no dependencies, no eval, no cookies, no
 * storage; it talks to nothing but the iframe it makes. See "Embed on your site" in the
 * courtview README. */
(function () {
  'use strict';
  var TAG = 'courtview-article';
  // Twice on one page (two pasted snippets) is harmless: the first copy does the work.
  if (!window.customElements || customElements.get(TAG)) return;

  // The viewer lives where this script came from, under any path prefix.
  var script = document.currentScript;
  if (!script) {
    var scripts = document.querySelectorAll('script[src*="embed.js"]');
    script = scripts[scripts.length - 1];
  }
  if (!script || !script.src) return;
  var BASE = new URL('./', script.src);
  var ORIGIN = BASE.origin;

  // What follows restates the app's side of the contract (src/embed.rs, the slug rule, the
  // i18n titles). tests/browser/embed.test.mjs runs this file on the snippets the app's
  // EmbedSpec writes (tests/fixtures/embed-loader.json) and compares the frames it builds.
  // The query options of the embed view, passed through from same-named attributes.
  var OPTIONS = ['types', 'theme', 'highlight', 'script', 'with', 'p'];
  // The app's slug rule (content::is_valid_slug): at most 100 bytes of a-z, 0-9, inner hyphens.
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  // The frame's title when the element has no link whose text can name it (the app's
  // Msg::EmbedFrameTitle; escaped so any page encoding reads it right).
  var TITLES = {
    kk: '\u049a\u0430\u0437\u0430\u049b\u0441\u0442\u0430\u043d \u0420\u0435\u0441\u043f\u0443\u0431\u043b\u0438\u043a\u0430\u0441\u044b \u0416\u043e\u0493\u0430\u0440\u0493\u044b \u0421\u043e\u0442\u044b\u043d\u044b\u04a3 \u0436\u0430\u04a3\u0430\u043b\u044b\u0493\u044b',
    ru: '\u041d\u043e\u0432\u043e\u0441\u0442\u044c \u0412\u0435\u0440\u0445\u043e\u0432\u043d\u043e\u0433\u043e \u0421\u0443\u0434\u0430 \u0420\u0435\u0441\u043f\u0443\u0431\u043b\u0438\u043a\u0438 \u041a\u0430\u0437\u0430\u0445\u0441\u0442\u0430\u043d',
    en: 'News from the Supreme Court of the Republic of Kazakhstan'
  };
  var live = new Set();

  // {"type":"courtview:resize","height":N}, only from the viewer's origin, only to the frame
  // that sent it: several embeds on one page never size each other.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN || !data || data.type !== 'courtview:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0) return;
    live.forEach(function (element) {
      var frame = element.frame;
      if (frame && frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(height) + 'px';
      }
    });
  });

  class CourtviewArticle extends HTMLElement {
    static get observedAttributes() {
      return ['article', 'lang'].concat(OPTIONS);
    }

    connectedCallback() {
      live.add(this);
      this.render();
    }

    disconnectedCallback() {
      live.delete(this);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    render() {
      var slug = (this.getAttribute('article') || '').trim();
      // Without a usable slug the element's own content (the fallback link) stays.
      if (slug.length > 100 || !SLUG.test(slug)) return;
      var lang = (this.getAttribute('lang') || '').trim().toLowerCase().split(/[-_]/)[0];
      if (!TITLES.hasOwnProperty(lang)) lang = 'kk';
      var query = [];
      for (var i = 0; i < OPTIONS.length; i++) {
        var value = this.getAttribute(OPTIONS[i]);
        if (value !== null) {
          query.push(OPTIONS[i] + '=' + encodeURIComponent(value.trim()).replace(/%2C/gi, ','));
        }
      }
      var src = new URL('embed/' + lang + '/' + slug + '/' + (query.length ? '?' + query.join('&') : ''), BASE).href;
      var frame = this.frame;
      if (!frame) {
        // The frame lives in a shadow root: the host page's styles do not reach it, and the
        // light-DOM fallback link is no longer rendered (but stays in the page's source).
        var root = this.attachShadow({ mode: 'open' });
        frame = this.frame = document.createElement('iframe');
        frame.setAttribute('sandbox', SANDBOX);
        frame.setAttribute('loading', 'lazy');
        frame.setAttribute('part', 'frame');
        // Set through the CSSOM, which a host page's CSP style-src does not block.
        frame.style.display = 'block';
        frame.style.width = '100%';
        frame.style.height = '600px';
        frame.style.border = '0';
        root.appendChild(frame);
      }
      var link = this.querySelector('a');
      frame.title = (link && link.textContent.trim()) || TITLES[lang];
      frame.lang = lang;
      if (frame.src !== src) frame.src = src;
    }
  }

  customElements.define(TAG, CourtviewArticle);
})();
