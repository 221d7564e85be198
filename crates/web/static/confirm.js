// Asks before irreversible actions: forms marked data-confirm="question" submit only when the
// user agrees. Without JavaScript they submit directly, as any form.
document.querySelectorAll('form[data-confirm]').forEach((form) => {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
