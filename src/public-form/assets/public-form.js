// Progressive enhancement for the public complaint form. The form works completely without this
// script. With it: the browser solves the form's proof-of-work (ALTCHA, in a worker) while the person
// types, and a file that is too large is pointed out before it is uploaded. No framework, no build.
(() => {
  'use strict';
  const form = document.querySelector('form[data-pow-challenge]');
  if (!form) return;

  const answer = form.querySelector('input[name="altcha"]');
  const status = document.getElementById('form-status');
  // A slow or broken solver never blocks a complaint: after this long the form goes without it.
  const SOLVE_TIMEOUT_MS = 60000;
  const SUBMIT_WAIT_MS = 15000;

  let solved = null;
  try {
    const challenge = JSON.parse(form.dataset.powChallenge);
    if (answer && typeof Worker === 'function') {
      solved = new Promise((resolve) => {
        const worker = new Worker(form.dataset.powWorker);
        const finish = (ok) => {
          clearTimeout(timer);
          worker.terminate();
          resolve(ok);
        };
        const timer = setTimeout(() => finish(false), SOLVE_TIMEOUT_MS);
        worker.addEventListener('message', (event) => {
          const solution = event.data;
          if (solution && typeof solution.counter === 'number' && typeof solution.derivedKey === 'string') {
            answer.value = btoa(JSON.stringify({ challenge, solution }));
            finish(true);
          } else {
            finish(false);
          }
        });
        worker.addEventListener('error', () => finish(false));
        const work = {
          type: 'work',
          challenge,
          counterMode: 'uint32',
          counterStart: 0,
          counterStep: 1,
          timeout: SOLVE_TIMEOUT_MS,
        };
        // eslint-disable-next-line unicorn/require-post-message-target-origin -- a Worker takes no origin
        worker.postMessage(work);
      });
    }
  } catch {
    solved = null;
  }

  let waited = false;
  form.addEventListener('submit', (event) => {
    if (!solved || waited || answer.value !== '') return;
    event.preventDefault();
    waited = true;
    if (status) status.textContent = form.dataset.powWaiting || '';
    const submitter = event.submitter;
    const giveUp = new Promise((resolve) => setTimeout(resolve, SUBMIT_WAIT_MS));
    void Promise.race([solved, giveUp]).then(() => {
      if (submitter) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
  });

  const files = form.querySelector('input[type="file"]');
  const live = document.getElementById('attachments-live');
  if (files && live) {
    const maxBytes = Number(files.dataset.maxFileBytes);
    files.addEventListener('change', () => {
      const tooLarge = Array.from(files.files || [])
        .filter((file) => file.size > maxBytes)
        .map((file) => file.name);
      live.textContent = tooLarge.length > 0 ? `${files.dataset.tooLarge} ${tooLarge.join(', ')}` : '';
    });
  }
})();
