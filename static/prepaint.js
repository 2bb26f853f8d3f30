// Applies the reader's display choice before the page is first painted, so that a reader of
// the dark theme never sees a white page flash by (issue 16). Every page's head loads it, as a
// file (the Content-Security-Policy refuses inline scripts) and before the stylesheet. It sets
// the theme and the text size on <html>: on the full site from the choice the app saved, in
// the embed view from the partner's `theme=`. The site generator calls this function with the
// names and values of src/display.rs and src/markup.rs, so that they are written once.
(function (o) {
  var root = document.documentElement;
  var pick = function (value, allowed, fallback) {
    return allowed.indexOf(value) >= 0 ? value : fallback;
  };
  var theme = o.theme;
  var size = o.size;
  if (o.embed.test(location.pathname)) {
    var query = /[?&]theme=([^&#]*)/i.exec(location.search);
    theme = pick(query ? query[1].trim().toLowerCase() : '', o.themes, o.embedTheme);
  } else {
    var saved = '';
    try {
      saved = localStorage.getItem(o.key) || '';
    } catch (e) {
      // Storage blocked (cookies off): the defaults, as the app will do.
    }
    var get = function (name) {
      var found = new RegExp('(?:^|;)' + name + '=([^;]*)').exec(saved);
      return found ? found[1] : '';
    };
    theme = pick(get('theme'), o.themes, o.theme);
    size = pick(get('size'), o.sizes, o.size);
  }
  root.setAttribute(o.themeAttr, theme);
  root.setAttribute(o.sizeAttr, size);
})
