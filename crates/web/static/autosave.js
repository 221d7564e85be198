// Saves a form as it is typed (forms marked data-autosave), so that a closed tab loses nothing.
// The server answers 204 with the new revision; a refusal (409 when the text was changed in
// another tab, 422 for a bad answer) comes back as a translated message that is shown as is.
document.querySelectorAll('form[data-autosave]').forEach((form) => {
  const status = form.querySelector('[data-autosave-status]');
  const revision = form.querySelector('input[name=revision]');
  let timer;
  let busy = false;
  let again = false;
  const show = (text, failed) => {
    status.textContent = text;
    status.classList.toggle('error', failed);
  };
  const save = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const body = new URLSearchParams(new FormData(form));
    body.set('action', 'save');
    try {
      // getAttribute: the form's buttons are named "action", which shadows form.action.
      const response = await fetch(form.getAttribute('action'), {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'X-Autosave': '1' },
      });
      if (response.ok) {
        revision.value = response.headers.get('X-Revision');
        show(`${form.dataset.saved} ${new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' })}`, false);
      } else {
        show(await response.text(), true);
      }
    } catch {
      show(form.dataset.offline, true);
    }
    busy = false;
    if (again) {
      again = false;
      save();
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    show(form.dataset.unsaved, false);
    timer = setTimeout(save, 800);
  });
});
