// OpenIRU page behaviour. Kept in a file (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('click', (event) => {
  // Media under review stay blurred and grey until the analyst asks to see one; a second click hides it.
  const media = event.target.closest('.reveal')?.querySelector('.media-guard')
    ?? event.target.closest('img.media-guard');
  if (media) {
    media.classList.toggle('revealed');
    return;
  }
  const copy = event.target.closest('[data-copy-target]');
  if (copy) {
    const source = document.querySelector(copy.dataset.copyTarget);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent);
    }
  }
});
// A blurred video is revealed by its first play.
document.addEventListener('play', (event) => {
  if (event.target.classList?.contains('media-guard')) {
    event.target.classList.add('revealed');
  }
}, true);
