// Media are shown blurred and greyscale (class media-guard); a click reveals one, a second click hides it
// again. A file of its own because the Content-Security-Policy forbids inline scripts.
document.addEventListener('click', function (event) {
  var media = event.target.closest('.media-guard');
  if (media) {
    media.classList.toggle('revealed');
  }
});
