// Show the investor or start-up details only for that member type. Without JavaScript,
// every section stays visible and the server ignores the details that do not apply.
(function () {
  "use strict";
  var select = document.getElementById("id_member_type");
  if (!select) {
    return;
  }
  var sections = document.querySelectorAll("[data-member-type]");
  function update() {
    sections.forEach(function (section) {
      section.hidden = section.getAttribute("data-member-type") !== select.value;
    });
  }
  select.addEventListener("change", update);
  update();
})();
