/* Copy buttons: a button with data-copy="ID" copies the value of the field with that id and says
   so in the status line beside it. Without JavaScript the buttons stay hidden; the field's text
   can still be selected and copied. */
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = button.closest("details, div").parentElement.querySelector("[data-copied-message]");
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = status.dataset.copiedMessage;
    });
  }
});
