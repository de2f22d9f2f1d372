// Progressive enhancement of the ballot (Components/Pages/Rounds/Parts/BallotCards.razor): a rank already given to one need
// is disabled in the other needs' choices, and the progress line counts the ranks given. Without script the form posts as
// it is and the server answers a rank given twice by naming it. No inline script: the CSP allows only this site's files.
(() => {
  const persianDigits = '۰۱۲۳۴۵۶۷۸۹';
  const bind = () => {
    const selects = [...document.querySelectorAll('select[data-ballot-rank]')];
    const progress = document.getElementById('ballot-progress');
    if (selects.length === 0 || selects[0].dataset.bound) return;
    const persian = document.documentElement.lang === 'fa';
    const digits = n => persian ? String(n).replace(/[0-9]/g, d => persianDigits[d]) : String(n);
    const update = () => {
      const used = new Map(selects.filter(s => s.value !== '').map(s => [s.value, s]));
      for (const select of selects) {
        for (const option of select.options) {
          option.disabled = option.value !== '' && used.has(option.value) && used.get(option.value) !== select;
        }
        select.closest('.ballot-card')?.classList.toggle('ballot-card-ranked', select.value !== '');
      }
      if (progress) {
        progress.textContent = progress.dataset.template
          .replace('{0}', digits(used.size)).replace('{1}', digits(progress.dataset.ranks));
      }
    };
    for (const select of selects) {
      select.dataset.bound = 'true';
      select.addEventListener('change', update);
    }
    update();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bind); else bind();
})();
