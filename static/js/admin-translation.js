// Shows the chosen file's name next to the Lao "choose a file" button of the translation import form.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("id_file");
  const name = document.querySelector(".file-name");
  if (!input || !name) return;
  input.addEventListener("change", () => {
    name.textContent = input.files.length ? input.files[0].name : name.dataset.empty;
  });
});
