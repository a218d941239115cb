/*
 * Shows coming events of the Digital Hub portal on another website, in a frame that grows
 * with its content. Only websites the hub has named may show it.
 *
 *   <script src="https://PORTAL/embed/events.js" data-hub="hamburg" data-count="5" async></script>
 *
 * data-hub: the hub's address on the portal (without it, the whole network's events);
 * data-count: how many events (1-20, 10 without it); data-lang="en": in English.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var portal = new URL(script.src).origin;
  var data = script.dataset;
  var path = data.hub ? "/embed/hubs/" + encodeURIComponent(data.hub) + "/events/" : "/embed/events/";
  var frame = document.createElement("iframe");
  frame.src = portal + (data.lang === "en" ? "/en" : "") + path + (data.count ? "?count=" + encodeURIComponent(data.count) : "");
  frame.title = data.title || (data.lang === "en" ? "Coming events" : "Kommende Veranstaltungen");
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "24rem";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    var height = event.data && event.data.hubportalHeight;
    if (event.origin === portal && event.source === frame.contentWindow && typeof height === "number") {
      frame.style.height = Math.ceil(height) + "px";
    }
  });
})();
