// Built without the site's address (--site), a page knows only its path: the 引用 block and the printout's
// address line (src/layouts/Base.astro, src/components/Cite.astro) get the full address it was opened at.
for (const e of document.querySelectorAll('[data-page-url],[data-cite-url]')) if (e.textContent?.startsWith('/')) e.textContent = location.href;
