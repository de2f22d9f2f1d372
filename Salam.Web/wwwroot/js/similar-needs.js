// Progressive enhancement of the propose-a-need form: while the resident types a title, similar needs of their
// neighbourhood are fetched and listed, so duplicates are caught early. Without script the server does the same on submit.
// Loaded on the plain (non-interactive) pages only, after the page is parsed; they carry no Blazor runtime.
(() => {
  const bind = () => {
    const input = document.querySelector('[data-similar-needs]');
    if (!input || input.dataset.bound) return;
    input.dataset.bound = 'true';
    const box = document.querySelector(input.dataset.similarNeeds);
    const list = box.querySelector('ul');
    let timer, last = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = input.value.trim();
        if (text === last) return;
        last = text;
        if (text.length < 3) { box.hidden = true; return; }
        const response = await fetch('/needs/similar?text=' + encodeURIComponent(text), { credentials: 'same-origin' });
        if (!response.ok) return;
        const needs = await response.json();
        list.replaceChildren(...needs.map(n => {
          const item = document.createElement('li');
          item.textContent = n.title + ' ';
          const chip = document.createElement('span');
          chip.className = 'salam-chip';
          chip.textContent = n.status;
          item.append(chip);
          return item;
        }));
        box.hidden = needs.length === 0;
      }, 300);
    });
  };
  document.addEventListener('DOMContentLoaded', bind);
  window.Blazor?.addEventListener('enhancedload', bind);
  bind();
})();
