/* Disclosures for phones: the main menu and a list's filters fold behind a button.
   Loaded in the head, before the page is drawn: the "js" class lets the stylesheet fold them
   at once (nothing moves once the page shows). Without JavaScript both stay open. */
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-disclosure]")) {
    const panel = button.closest(button.dataset.disclosure);

    const show = (open) => {
      panel.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", String(open));
    };

    button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent) {
        show(false);
        button.focus();
      }
    });
  }
});
