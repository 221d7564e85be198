// Small page behaviours shared by every page.
//
// Asks before irreversible actions: forms marked data-confirm="question" submit only when the
// user agrees. Without JavaScript they submit directly, as any form.
document.querySelectorAll('form[data-confirm]').forEach((form) => {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});

// The same for one button of a form whose other buttons need no question.
document.querySelectorAll('button[data-confirm-button]').forEach((button) => {
  button.addEventListener('click', (event) => {
    if (!window.confirm(button.dataset.confirmButton)) {
      event.preventDefault();
    }
  });
});

// A confirmation after a redirect (?done=…) is shown once: reloading the page must not repeat
// it after things have moved on.
if (new URLSearchParams(window.location.search).has('done')) {
  const url = new URL(window.location.href);
  url.searchParams.delete('done');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}
