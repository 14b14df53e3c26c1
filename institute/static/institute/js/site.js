// Progressive enhancement only: every feature works without this file.
document.documentElement.classList.add("js");

function setUpMainNav() {
  const nav = document.querySelector(".main-nav");
  const toggle = nav && nav.querySelector(".nav-toggle");
  if (!toggle) return;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.dataset.open = String(open);
  });
  // A section's own pages open and close with the button beside it; Escape closes the open list first.
  const submenuToggles = nav.querySelectorAll(".main-nav__submenu-toggle");
  submenuToggles.forEach((button) => {
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      submenuToggles.forEach((other) => other.setAttribute("aria-expanded", "false"));
      button.setAttribute("aria-expanded", String(open));
    });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const openSubmenu = nav.querySelector('.main-nav__submenu-toggle[aria-expanded="true"]');
    if (openSubmenu) {
      openSubmenu.click();
      openSubmenu.focus();
    } else if (nav.dataset.open === "true") {
      toggle.click();
      toggle.focus();
    }
  });
}

// Videos are links to YouTube or Vimeo until the visitor presses play: nothing is loaded from those
// hosts before that.
function setUpVideos() {
  document.querySelectorAll(".video-facade[data-player-url]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const frame = document.createElement("iframe");
      frame.className = "video-frame";
      frame.src = link.dataset.playerUrl;
      frame.title = link.dataset.videoTitle;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      link.replaceWith(frame);
      frame.focus();
    });
  });
}

// After a failed send, keyboard and screen reader users start at the list of what to fix.
function focusErrorSummary() {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  setUpMainNav();
  setUpVideos();
  focusErrorSummary();
});
