// Buttons marked data-print open the browser's print dialog (the stylesheet has a print layout).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
