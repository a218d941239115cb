/* In the frame of /embed/…: tell the page around it how tall the list is (static/js/embed.js). */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  function tell() {
    window.parent.postMessage({ hubportalHeight: document.documentElement.scrollHeight }, "*");
  }
  new ResizeObserver(tell).observe(document.documentElement);
  window.addEventListener("load", tell);
})();
